// --input NAME=VALUE overrides main.input: JSON when it parses as JSON, else text; the result is then bound as usual (CLI run options, spec 3.5)
run.job "cli input overrides" {
  main = {
    name: "main"
    input: {
      n: 1
      name: "from file"
      keep: "kept"
    }
  }
}
---
function "main" {
  input {
    int n
    text name
    text[] tags?
    text keep
    text digits
  }
  stack {
  }
  response = $input
}
