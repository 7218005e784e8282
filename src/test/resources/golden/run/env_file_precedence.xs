// --env-file supplies values; --env wins over it for the same name (CLI --env / --env-file precedence, spec 8)
run.job "env file precedence" {
  main = {
    name: "main"
    input: {}
  }
  env = ["from_file_only", "in_both"]
}
---
function "main" {
  input {}
  stack {
  }
  response = {
    file_value_ok: $env.from_file_only == "file-value-1"
    cli_wins: $env.in_both == "cli-value-2"
  }
}
