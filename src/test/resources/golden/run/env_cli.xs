// $env.NAME reads --env values as text (arithmetic converts them); util.get_env lists them; values are secrets and are masked in the result (spec 8, CLI --env)
run.job "env from the command line" {
  main = {
    name: "main"
    input: {}
  }
  env = ["api_key", "retry_count"]
}
---
function "main" {
  input {}
  stack {
    util.get_env as $all
  }
  response = {
    matches: $env.api_key == "s3cr3t-value"
    length: $env.api_key|strlen
    count_plus_one: $env.retry_count + 1
    count_is_text: $env.retry_count|is_text
    echoed: $env.api_key
    names: $all|keys|sort
    undeclared_unset: $env.not_given_anywhere_xsrun
  }
}
