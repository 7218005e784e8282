// A declared env value with no source is a missing-env failure before anything runs: exit 65 (CLI exit codes; spec 8 leaves strictness to the runner)
run.job "env missing" {
  main = {
    name: "main"
    input: {}
  }
  env = ["xsrun_golden_never_set_anywhere"]
}
---
function "main" {
  input {}
  stack {
    debug.log { value = "stack must not run" }
  }
  response = $env.xsrun_golden_never_set_anywhere
}
