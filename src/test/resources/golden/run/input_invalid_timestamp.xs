// Text that is no timestamp fails: "Invalid timestamp format.", exit 65 (spec 3.6, 3.8)
run.job "input_invalid_timestamp" {
  main = {
    name: "main"
    input: {
      v: "not a time"
    }
  }
}
---
function "main" {
  input {
    timestamp v
  }
  stack {
  }
  response = $input
}
