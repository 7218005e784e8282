// function.run binds an int input with min/max filters the same way on every path: at the bounds,
// past them (caught as input errors), from text, with a decimal bound, and with entries out of order
run.job "function.run int bounds" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "ranged" {
  input {
    int n filters=min:-2|max:1500
    int k?
  }
  stack {
  }
  response = {n: $input.n, k: $input.k}
}
---
function "halfway" {
  input {
    int n filters=min:0.5
  }
  stack {
  }
  response = $input.n
}
---
function "main" {
  input {}
  stack {
    var $ok { value = [] }
    var $errors { value = [] }
    foreach ([-2, 1500, 1024, "7", 3.9]) {
      each as $v {
        function.run "ranged" { input = {n: $v} } as $r
        array.push $ok { value = $r }
      }
    }
    function.run "ranged" { input = {k: 5, n: 1} } as $swapped
    array.push $ok { value = $swapped }
    function.run "halfway" { input = {n: 1} } as $one
    array.push $ok { value = $one }
    foreach ([-3, 1501, 0]) {
      each as $v {
        try_catch {
          try {
            function.run "ranged" { input = {n: $v, k: $v} } as $r
            function.run "halfway" { input = {n: $v} } as $r
          }
          catch {
            array.push $errors { value = $error.message }
          }
        }
      }
    }
  }
  response = {ok: $ok, errors: $errors}
}
