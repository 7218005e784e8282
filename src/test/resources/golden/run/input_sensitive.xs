// An input declared sensitive = true is a secret: it never appears in any output, even in the result (CLI output rules, spec 3.4)
run.job "sensitive input" {
  main = {
    name: "main"
    input: {
      user: "ann"
      pw: "hunter2-long"
    }
  }
}
---
function "main" {
  input {
    text user
    password pw {
      sensitive = true
    }
  }
  stack {
    debug.log { value = "pw is " ~ $input.pw }
  }
  response = {user: $input.user, pw: $input.pw, length: $input.pw|strlen}
}
