// An if without its conditional block is invalid: exit 65 (spec 4.2)
run.job "parse_if_without_conditional" {
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
    if (true) {
      var $x { value = 1 }
    }
  }
  response = 1
}
