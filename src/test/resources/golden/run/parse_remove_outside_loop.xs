// remove outside a foreach is a parse error: exit 65 (spec 4.4)
run.job "parse_remove_outside_loop" {
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
    remove
  }
  response = 1
}
