// $error after a throw: code ERROR_FATAL, message = value as text, name = the given name, result null (spec 4.7, 4.8, 9 #22 #23)
run.job "throw caught" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $before { value = $error }
    try_catch {
      try {
        throw {
          name = "BadOp"
          value = "unknown op " ~ "pow"
        }
        var $after_throw { value = "must not run" }
      }
      catch {
        var $caught { value = $error }
      }
    }
    try_catch {
      try {
        throw {
          name = "Structured", value = {reason: "x", n: 1.5}
        }
      }
      catch {
        var $structured { value = $error }
      }
    }
  }
  response = {before: $before, caught: $caught, after_throw: $after_throw, structured: $structured, error_after: $error.name}
}
