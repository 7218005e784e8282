// Division by zero is a runtime error (ERROR_FATAL "Division by zero"): uncaught it ends the job with exit 70 at the operator (spec 5.3, 7.3)
run.job "division by zero" {
  main = {
    name: "main"
    input: {d: 0}
  }
}
---
function "main" {
  input {
    int d
  }
  stack {
    var $ok { value = 1 }
    var $bad { value = 10 / $input.d }
  }
  response = $bad
}
