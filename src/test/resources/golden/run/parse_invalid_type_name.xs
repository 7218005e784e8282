// boolean, integer, string are not XanoScript type names: parse error, exit 65 (spec 3.2, 9 #50)
run.job "invalid type name" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {
    boolean flag?
  }
  stack {
  }
  response = 1
}
