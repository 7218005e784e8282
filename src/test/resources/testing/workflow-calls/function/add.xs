function "add" {
  input {
    int a
    int b
  }

  stack {
  }

  response = $input.a + $input.b
}
