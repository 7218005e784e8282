// An attribute a statement does not list is a parse error: exit 65 (spec 4.0)
run.job "parse_unknown_attribute" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $before { value = 1 }
    var $x {
      value = 1
      extra = 2
    }
  }
  response = 1
}
