// break outside any loop is a parse error, so nothing runs: exit 65 (spec 4.4)
run.job "parse_break_outside_loop" {
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
    break
  }
  response = 1
}
