function "add" {
  input {
    int a
    int b
  }

  stack {
    var $sum {
      value = $input.a + $input.b
    }
  }

  response = $sum
  test "adds two numbers" {
    input = { a: 5, b: 3 }
    expect.to_equal ($response) {
      value = 8
    }

    expect.to_not_equal ($response) {
      value = 9
    }

    expect.to_be_greater_than ($response) {
      value = 7
    }

    expect.to_be_less_than ($response) {
      value = 9
    }

    expect.to_be_within ($response) {
      min = 8
      max = 10
    }
  }

  test "handles negative numbers" {
    input = { a: -5, b: 3 }
    expect.to_equal ($response) {
      value = -2
    }
  }
}
