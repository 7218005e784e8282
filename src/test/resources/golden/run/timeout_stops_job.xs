// --timeout stops a runaway loop with exit 75 even inside try_catch: the limit is not a catchable job error (CLI --timeout, spec 4.4 runaway guard, 7.3)
run.job "timeout" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $n { value = 0 }
    try_catch {
      try {
        while (true) {
          each {
            math.add $n { value = 1 }
          }
        }
      }
      catch {
        debug.log { value = "a timeout must not be caught" }
      }
    }
  }
  response = $n
}
