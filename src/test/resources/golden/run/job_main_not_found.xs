// main.name must name a declared function: Unable to locate function: <name> (ERROR_CODE_NOT_FOUND), exit 70 (spec 2.5 rule 3, 7.3)
run.job "job_main_not_found" {
  main = {
    name: "nope"
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
