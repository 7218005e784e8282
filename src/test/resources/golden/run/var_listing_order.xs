// $var, and a to_expr text that says $var, list the variables in the order they were created, not the order their names were first written (spec 5.1)
run.job "variables listed in creation order" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "names_first" {
  input {}
  stack {
    var $ord_last { value = 0 }
    var $ord_mid { value = 0 }
    var $ord_first { value = 0 }
    var $txt_a { value = 0 }
    var $txt_b { value = 0 }
  }
  response = $ord_first + $ord_mid + $ord_last + $txt_a + $txt_b
}
---
function "listed_by_text" {
  input {}
  stack {
    var $txt_b { value = "b" }
    var $txt_a { value = "a" }
  }
  response = "$var"|to_expr
}
---
function "main" {
  input {}
  stack {
    var $ord_first { value = 1 }
    conditional {
      if ($ord_first > 0) {
        var $ord_mid { value = 2 }
      }
    }
    function.run "names_first" { input = {} } as $ord_last
    var $listed { value = $var }
    function.run "listed_by_text" { input = {} } as $by_text
  }
  response = {listed: $listed, by_text: $by_text}
}
