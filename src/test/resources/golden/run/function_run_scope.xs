// A callee sees only its declared inputs: caller variables are invisible, undeclared keys are dropped, and its own variables do not leak back (spec 2.3, 4.10)
run.job "function scope" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "peek" {
  input {
    text a
  }
  stack {
    var $secret_of_callee { value = "callee" }
    var $callers { value = $callers_var }
  }
  response = {input: $input, saw_caller_var: $callers, extra: $input.b}
}
---
function "main" {
  input {}
  stack {
    var $callers_var { value = "caller" }
    function.run "peek" { input = {a: "x", b: "dropped"} } as $p
    function.run "peek" {
      input = {a: "y"}
      runtime_mode = "shared"
    } as $q
  }
  response = {p: $p, q_input: $q.input, leaked: $secret_of_callee, still_mine: $callers_var}
}
