// debug.log writes to standard error (text as is, other values as compact JSON) and never changes the result (spec 4.12, CLI output)
run.job "debug.log" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $n { value = 3 }
    debug.log { value = "plain text n=" ~ $n }
    debug.log { value = {list: [1, 2], ok: true, none: null} }
    debug.log { value = 2.5 }
  }
  response = {n: $n}
}
