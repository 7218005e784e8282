// throw without its required name is a parse error: exit 65 (spec 4.7, 4.0)
run.job "parse_missing_attribute" {
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
    throw {
      value = "x"
    }
  }
  response = 1
}
