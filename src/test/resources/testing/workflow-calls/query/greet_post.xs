query "greet/{name}" verb=POST {
  api_group = "public"
  input {
    text name
  }

  stack {
  }

  response = { created: $input.name }
}
