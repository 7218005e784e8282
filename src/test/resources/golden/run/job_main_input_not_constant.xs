// main.input must be a constant: no $ references, no filters; rejected before running, exit 65 (spec 2.2, 8)
run.job "job_main_input_not_constant" {
  main = {
    name: "main"
    input: {a: $env.x}
  }
}
---
function "main" {
  input {}
  stack {
  }
  response = 1
}
