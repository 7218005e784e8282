// function.run of an undeclared name: Unable to locate function: <name>, exit 70, at the name (spec 2.5 rule 3, 4.10)
run.job "function_run_unknown_uncaught" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    function.run "missing_fn" { input = {} } as $x
  }
  response = $x
}
