// A precondition of type inputerror is still an error the job raised: exit 70, not 65 (spec 4.6, CLI exit codes)
run.job "precondition inputerror" {
  main = {
    name: "main"
    input: {qty: 500}
  }
}
---
function "main" {
  input {
    int qty
  }
  stack {
    var $ok { value = true }
    precondition ($input.qty > 0 && $input.qty <= 100) {
      error_type = "inputerror"
      error = "qty must be between 1 and 100"
      payload = {qty: $input.qty}
    }
  }
  response = "unreachable"
}
