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

        // a pause, so that the run's timeout comes long before the loop's iteration cap, however fast the loop
        util.sleep {
          value = 0.001
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
