query "greet/{name}" verb=GET {
  api_group = "public"
  input {
    text name
  }

  stack {
    precondition ($input.name != "nobody") {
      error_type = "notfound"
      error = "No such person"
    }
  }

  response = { message: "Hello, " ~ $input.name }
}
