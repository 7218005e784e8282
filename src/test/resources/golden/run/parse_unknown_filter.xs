// An unknown filter name is a parse error, found before anything runs: exit 65 (spec 5.5 rule 10)
run.job "parse_unknown_filter" {
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
    var $x { value = "a"|no_such_filter }
  }
  response = 1
}
