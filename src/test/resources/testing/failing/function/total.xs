function "total" {
  input {
    decimal[] prices
  }

  stack {
    var $sum {
      value = $input.prices|sum
    }

    precondition ($sum < 100) {
      error_type = "inputerror"
      error = "Too expensive"
    }
  }

  response = { total: $sum, label: "total " ~ $sum, items: $input.prices }
  test "passes" {
    input = { prices: [1, 2] }
    expect.to_equal ($response.total) {
      value = 3
    }
  }

  test "wrong total and label" {
    input = { prices: [1, 2] }
    expect.to_equal ($response.total) {
      value = 4
    }

    expect.to_start_with ($response.label) {
      value = "sum"
    }

    expect.to_contain ($response.items) {
      value = 5
    }
  }

  test "range and flags" {
    input = { prices: [1, 2] }
    expect.to_be_within ($response.total) {
      min = 10
      max = 20
    }

    expect.to_be_true ($response.items)
    expect.to_be_null ($response.total)
    expect.to_be_empty ($response.items)
    expect.to_be_in_the_future ($response.label)
  }

  test "unexpected error" {
    input = { prices: [100, 1] }
    expect.to_equal ($response.total) {
      value = 101
    }
  }

  test "expects an error that does not come" {
    input = { prices: [1] }
    expect.to_throw
  }

  test "expects another error" {
    input = { prices: [100] }
    expect.to_throw {
      value = "Too cheap"
    }
  }
}
