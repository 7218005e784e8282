// An env value used but not declared still resolves (with a warning); a read that differs from the declared name only by case falls back to it (spec 8)
run.job "env undeclared and case fallback" {
  main = {
    name: "main"
    input: {}
  }
  env = ["API_TOKEN"]
}
---
function "main" {
  input {}
  stack {
  }
  response = {
    undeclared_length: $env.extra_value|strlen
    exact: $env.API_TOKEN|strlen
    other_case: $env.api_token|strlen
    same_value: $env.api_token == $env.API_TOKEN
  }
}
