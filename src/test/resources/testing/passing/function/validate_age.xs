function "validate_age" {
  input {
    int age
  }

  stack {
    precondition ($input.age >= 0) {
      error_type = "inputerror"
      error = "Age cannot be negative"
    }
  }

  response = $input.age
  test "accepts an age" {
    input = { age: 30 }
    expect.to_equal ($response) {
      value = 30
    }
  }

  test "rejects a negative age" {
    input = { age: -1 }
    expect.to_throw
  }

  test "rejects a negative age with its message" {
    input = { age: -1 }
    expect.to_throw {
      value = "Age cannot be negative"
    }
  }
}
