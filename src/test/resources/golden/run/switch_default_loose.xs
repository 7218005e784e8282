// default runs when nothing matched; cases use loose == so "2" matches 2 and null matches 0 (spec 4.3, 5.3)
run.job "switch default and loose equality" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "pick" {
  input {
    json v
  }
  stack {
    switch ($input.v) {
      case (2) {
        var $r { value = "two" }
      } break
      case (0) {
        var $r { value = "zero" }
      } break
      default {
        var $r { value = "other" }
      }
    }
  }
  response = $r
}
---
function "main" {
  input {}
  stack {
    function.run "pick" { input = {v: "2"} } as $a
    function.run "pick" { input = {v: 2.0} } as $b
    function.run "pick" { input = {v: false} } as $c
    function.run "pick" { input = {v: "two"} } as $d
    function.run "pick" { input = {v: 7} } as $e
  }
  response = [$a, $b, $c, $d, $e]
}
