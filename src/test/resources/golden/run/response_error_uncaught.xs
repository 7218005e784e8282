// An error while evaluating response is a runtime error like any other: exit 70 at the operator (spec 2.3, 7.3)
run.job "response_error_uncaught" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $a { value = 1 }
  }
  response = {x: $a / 0}
}
