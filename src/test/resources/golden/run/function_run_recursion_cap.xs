// Runaway recursion hits the depth cap and fails with ERROR_FATAL "Execution limit exceeded", which try_catch can catch (spec 4.10, 7.3)
run.job "recursion cap" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "forever" {
  input {
    int n
  }
  stack {
    function.run "forever" { input = {n: $input.n + 1} } as $r
  }
  response = $r
}
---
function "main" {
  input {}
  stack {
    try_catch {
      try {
        function.run "forever" { input = {n: 0} } as $r
      }
      catch {
        var $e { value = $error }
      }
    }
  }
  response = {code: $e.code, limit: $e.message|starts_with:"Execution limit exceeded"}
}
