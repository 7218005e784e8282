// Runtime errors are caught like throws: division and modulo by zero, unknown function, arithmetic on a list (spec 4.8, 7.3)
run.job "try_catch runtime errors" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $errors { value = [] }
    try_catch {
      try {
        var $x { value = 10 / 0 }
      }
      catch {
        array.push $errors { value = $error }
      }
    }
    try_catch {
      try {
        var $x { value = 10 % 0 }
      }
      catch {
        array.push $errors { value = $error }
      }
    }
    try_catch {
      try {
        function.run "no/such_function" as $r
      }
      catch {
        array.push $errors { value = $error }
      }
    }
    try_catch {
      try {
        var $x { value = [1, 2] * 3 }
      }
      catch {
        array.push $errors { value = $error.code }
      }
    }
  }
  response = {errors: $errors, x: $x}
}
