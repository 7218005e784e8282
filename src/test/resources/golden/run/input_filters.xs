// Input filters run left to right after coercion: trim, lower, upper, and min/max as bounds (length for text, value for numbers) (spec 3.7)
run.job "input filters" {
  main = {
    name: "main"
    input: {
      name: "  Ann Lee "
      code: " ab12 "
      age: "30"
      price: 0
      pin: "1234"
      mail: "  Someone@Example.COM "
    }
  }
}
---
function "main" {
  input {
    text name filters=trim|lower
    text code filters=trim|upper
    int age filters=min:0|max:150
    decimal price filters=min:0
    text pin filters=min:4|max:4
    email mail filters=trim|lower
  }
  stack {
  }
  response = $input
}
