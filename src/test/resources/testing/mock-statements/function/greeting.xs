// var with a mock: the mock's value for the running test replaces the written value
function "greeting" {
  input {
    text name
  }

  stack {
    var $message {
      value = "Hello " ~ $input.name
      mock = { "custom greeting": "Custom greeting!" }
    }

    var $parts {
      value = { first: $input.name }
    }

    var.update $parts.first {
      value = $input.name|to_upper
      mock = { "mocked update": "mocked" }
    }
  }

  response = { message: $message, first: $parts.first }
  test "custom greeting" {
    input = { name: "Ann" }
    expect.to_equal ($response.message) {
      value = "Custom greeting!"
    }

    expect.to_equal ($response.first) {
      value = "ANN"
    }
  }

  test "plain greeting" {
    input = { name: "Ann" }
    expect.to_equal ($response.message) {
      value = "Hello Ann"
    }
  }

  test "mocked update" {
    input = { name: "Bo" }
    expect.to_equal ($response) {
      value = { message: "Hello Bo", first: "mocked" }
    }
  }
}
