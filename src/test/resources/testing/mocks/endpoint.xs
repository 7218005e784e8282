query "greet" verb=GET {
  input {
    text name
  }

  stack {
    var $text {
      value = "Hello, " ~ $input.name
    }
  }

  response = { message: $text }
  test "greets by name" {
    input = { name: "Ann" }
    expect.to_equal ($response.message) {
      value = "Hello, Ann"
    }
  }
}
