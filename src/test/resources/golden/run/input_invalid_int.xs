// Non-numeric text for an int input fails: "Value is not a valid integer.", exit 65 (spec 3.6, 3.8)
run.job "input_invalid_int" {
  main = {
    name: "main"
    input: {
      v: "12abc"
    }
  }
}
---
function "main" {
  input {
    int v
  }
  stack {
  }
  response = $input
}
