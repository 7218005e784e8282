// debug.stop is not an error: it passes through catch, but pending finally blocks still run before the job ends with its value (spec 4.8, 4.12)
run.job "debug.stop and finally" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    try_catch {
      try {
        debug.stop { value = [1, "stopped"] }
      }
      catch {
        debug.log { value = "catch must not run" }
      }
      finally {
        debug.log { value = "finally ran after stop" }
      }
    }
    debug.log { value = "after try_catch must not run" }
  }
  response = "not the result"
}
