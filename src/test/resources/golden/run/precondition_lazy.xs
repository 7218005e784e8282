// A passing precondition evaluates neither error nor payload (they would divide by zero here) (spec 4.6)
run.job "precondition lazy" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    precondition (1 < 2) {
      error_type = "badrequest"
      error = "never " ~ (1 / 0)
      payload = {x: 5 % 0}
    }
    precondition ("false") {
      error = 1 / 0
    }
  }
  response = "passed"
}
