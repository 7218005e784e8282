// Env values are secrets everywhere: an error message that contains one prints **** instead, on the file:line:col line too (CLI output rules, spec 8 Secrecy)
run.job "secret in error" {
  main = {
    name: "main"
    input: {}
  }
  env = ["api_key"]
}
---
function "main" {
  input {}
  stack {
    debug.log { value = "using " ~ $env.api_key }
    precondition (false) {
      error = "rejected key " ~ $env.api_key
    }
  }
  response = 1
}
