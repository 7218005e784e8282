// A bool input accepts only true/1/yes/on and false/0/no/off: "Invalid boolean input.", exit 65 (spec 3.6, 3.8)
run.job "input_invalid_bool" {
  main = {
    name: "main"
    input: {
      v: "maybe"
    }
  }
}
---
function "main" {
  input {
    bool v
  }
  stack {
  }
  response = $input
}
