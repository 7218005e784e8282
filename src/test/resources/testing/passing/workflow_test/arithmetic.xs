workflow_test "adds then validates" {
  stack {
    function.call "add" {
      input = { a: 20, b: 22 }
    } as $sum

    expect.to_equal ($sum) {
      value = 42
    }

    function.call "validate_age" {
      input = { age: $sum }
    } as $age

    expect.to_equal ($age) {
      value = 42
    }

    expect.to_throw {
      stack {
        function.call "validate_age" {
          input = { age: -1 }
        }
      }

      exception = "Age cannot be negative"
    }
  }

  tags = ["arithmetic"]
}
