// A value below filters=min:N fails with "<name>: value is too small", exit 65 (spec 3.7, 3.8)
run.job "input_filter_min" {
  main = {
    name: "main"
    input: {
      v: 12
    }
  }
}
---
function "main" {
  input {
    int v filters=min:18
  }
  stack {
  }
  response = $input
}
