// finally runs after a try that succeeded and after a catch; a catch that raises still runs finally, then the new error propagates (spec 4.8)
run.job "try finally order" {
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
        array.push $log { value = "try1" }
      }
      catch {
        array.push $log { value = "catch1" }
      }
      finally {
        array.push $log { value = "finally1" }
      }
    }
    try_catch {
      try {
        array.push $log { value = "try2" }
        throw {
          name = "E2"
          value = "boom"
        }
      }
      catch {
        array.push $log { value = "catch2:" ~ $error.message }
      }
      finally {
        array.push $log { value = "finally2" }
      }
    }
    try_catch {
      try {
        try_catch {
          try {
            throw {
              name = "Inner"
              value = "first"
            }
          }
          catch {
            array.push $log { value = "catch3:" ~ $error.name }
            throw {
              name = "FromCatch"
              value = "second"
            }
          }
          finally {
            array.push $log { value = "finally3" }
          }
        }
        array.push $log { value = "not reached" }
      }
      catch {
        array.push $log { value = "outer:" ~ $error.name ~ ":" ~ $error.message }
      }
    }
  }
  response = $log
}
