function "forever" {
  input {
  }

  stack {
    var $n {
      value = 0
    }

    while (true) {
      each {
        var.update $n {
          value = $n + 1
        }
      }
    }
  }

  response = $n
  test "never ends" {
    expect.to_equal ($response) {
      value = 1
    }
  }
}
