// A failing precondition with the default error_type stops the job: exit 70, message = its error text (spec 4.6, 7.2, CLI exit codes)
run.job "precondition standard" {
  main = {
    name: "main"
    input: {qty: 0}
  }
}
---
function "main" {
  input {
    int qty
  }
  stack {
    precondition ($input.qty > 0) {
      error = "qty must be positive, got " ~ $input.qty
    }
  }
  response = "unreachable"
}
