// An uncaught runtime error from a called function stops the job: exit 70, located at the failing expression's statement in the callee (spec 7.4, 7.3)
run.job "uncaught error in callee" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "ratio" {
  input {
    int a
    int b
  }
  stack {
    var $r { value = $input.a / $input.b }
  }
  response = $r
}
---
function "main" {
  input {}
  stack {
    function.run "ratio" { input = {a: 1, b: 0} } as $x
  }
  response = $x
}
