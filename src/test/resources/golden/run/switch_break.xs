// switch compares with == and a case ending in `} break` leaves the switch (spec 4.3)
run.job "switch break" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "calc" {
  input {
    text op
    int a
    int b
  }
  stack {
    switch ($input.op) {
      case ("add") {
        var $r { value = $input.a + $input.b }
      } break
      case ("sub") {
        var $r { value = $input.a - $input.b }
      } break
      case ("mul") {
        var $r { value = $input.a * $input.b }
      } break
    }
  }
  response = $r
}
---
function "main" {
  input {}
  stack {
    function.run "calc" { input = {op: "add", a: 7, b: 3} } as $add
    function.run "calc" { input = {op: "sub", a: 7, b: 3} } as $sub
    function.run "calc" { input = {op: "mul", a: 7, b: 3} } as $mul
    function.run "calc" { input = {op: "pow", a: 7, b: 3} } as $none
  }
  response = [$add, $sub, $mul, $none]
}
