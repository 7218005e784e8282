// Small rules: main.input may be omitted ({}), a function without response returns null, $_name variables, $var.name as a statement target, |!filter is skipped, $env.$debugger is false (spec 1.5, 1.8, 2.2, 2.3, 4.1, 8)
run.job "small rules" {
  main = {
    name: "main"
  }
}
---
function "no_response" {
  input {}
  stack {
    var $x { value = 1 }
  }
}
---
function "main" {
  input {}
  stack {
    var $_private { value = "underscore" }
    var $var.via_root { value = 5 }
    var.update $var.via_root { value = $via_root + 1 }
    function.run "no_response" as $nr
  }
  response = {
    private: $_private
    via_root: $via_root
    disabled_filter: "abc"|!to_upper|strlen
    debugger: $env.$debugger
    request_method: $env.$request_method
    no_response: $nr
    input: $input
  }
}
