// Non-numeric text for a decimal input fails: "Input is not a valid decimal number.", exit 65 (spec 3.6, 3.8)
run.job "input_invalid_decimal" {
  main = {
    name: "main"
    input: {
      v: "one point five"
    }
  }
}
---
function "main" {
  input {
    decimal v
  }
  stack {
  }
  response = $input
}
