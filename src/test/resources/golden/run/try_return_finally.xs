// return inside try is not an error: catch is skipped, finally still runs, and the function returns the value (spec 4.5, 4.8)
run.job "return through finally" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "f" {
  input {}
  stack {
    try_catch {
      try {
        return {
          value = "from try"
        }
      }
      catch {
        debug.log { value = "catch must not run" }
      }
      finally {
        debug.log { value = "finally after return ran" }
      }
    }
    debug.log { value = "after try_catch must not run" }
  }
  response = "response must not be used"
}
---
function "loop_break" {
  input {}
  stack {
    var $log { value = [] }
    foreach ([1, 2, 3]) {
      each as $n {
        try_catch {
          try {
            conditional {
              if ($n == 2) {
                break
              }
            }
            array.push $log { value = "t" ~ $n }
          }
          catch {
            array.push $log { value = "caught" }
          }
          finally {
            array.push $log { value = "f" ~ $n }
          }
        }
      }
    }
  }
  response = $log
}
---
function "main" {
  input {}
  stack {
    function.run "f" as $r
    function.run "loop_break" as $b
  }
  response = {r: $r, b: $b}
}
