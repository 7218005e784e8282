// Input binding of function.run fails with ERROR_CODE_INPUT_ERROR and payload {param}; try_catch catches it (spec 3.5, 3.8, 4.8, 7.3)
run.job "function.run input errors" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "needs" {
  input {
    int n
    text label
  }
  stack {
  }
  response = $input
}
---
function "main" {
  input {}
  stack {
    var $errors { value = [] }
    try_catch {
      try {
        function.run "needs" { input = {label: "x"} } as $r
      }
      catch {
        array.push $errors { value = $error }
      }
    }
    try_catch {
      try {
        function.run "needs" { input = {n: "seven", label: "x"} } as $r
      }
      catch {
        array.push $errors { value = $error }
      }
    }
    try_catch {
      try {
        function.run "needs" { input = {n: 7, label: ""} } as $r
      }
      catch {
        array.push $errors { value = $error }
      }
    }
    function.run "needs" { input = {n: "8", label: 12} } as $ok
  }
  response = {errors: $errors, ok: $ok}
}
