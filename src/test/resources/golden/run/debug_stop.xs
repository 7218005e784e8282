// debug.stop inside a called function ends the whole job successfully with its value; nothing after it runs (spec 4.12, 9 #46)
run.job "debug.stop" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "inner" {
  input {}
  stack {
    var $state { value = {step: 2} }
    debug.stop { value = {stopped_with: $state} }
    debug.log { value = "after stop in inner" }
  }
  response = "inner response"
}
---
function "main" {
  input {}
  stack {
    try_catch {
      try {
        function.run "inner" as $r
      }
      catch {
        debug.log { value = "stop is not an error" }
      }
    }
    debug.log { value = "after stop in main" }
  }
  response = "main response"
}
