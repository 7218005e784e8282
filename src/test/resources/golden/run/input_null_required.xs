// An explicit null for a required non-nullable input counts as missing, exit 65 (spec 3.5)
run.job "input_null_required" {
  main = {
    name: "main"
    input: {
      v: null
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
