// Two functions with the same declared name are a configuration error before running, exit 65 (spec 2.5 rule 4)
run.job "job_duplicate_function" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
  }
  response = 1
}
---
function "main" {
  input {}
  stack {
  }
  response = 2
}
