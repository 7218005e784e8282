// A required input missing from main.input fails before the stack runs: Missing param: <name>, exit 65 (spec 3.5, 3.8, CLI exit codes)
run.job "missing param" {
  main = {
    name: "main"
    input: {
      country: "NO"
    }
  }
}
---
function "main" {
  input {
    text country
    text city
  }
  stack {
    debug.log { value = "stack must not run" }
  }
  response = $input
}
