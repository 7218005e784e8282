// Nested try_catch: the inner handler catches first; rethrowing reaches the outer one, whose $error replaces the inner one (spec 4.8)
run.job "nested try" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $log { value = [] }
    try_catch {
      try {
        try_catch {
          try {
            precondition (false) {
              error_type = "notfound"
              error = "inner"
            }
          }
          catch {
            array.push $log { value = "inner saw " ~ $error.code }
            throw {
              name = "Wrapped"
              value = "outer wraps " ~ $error.message
            }
          }
        }
      }
      catch {
        array.push $log { value = "outer saw " ~ $error.name ~ ": " ~ $error.message }
      }
    }
    try_catch {
      try {
        try_catch {
          try {
            var $ok { value = 1 }
          }
          catch {
            array.push $log { value = "never" }
          }
        }
      }
      catch {
        array.push $log { value = "never either" }
      }
    }
  }
  response = {log: $log, last_error: $error}
}
