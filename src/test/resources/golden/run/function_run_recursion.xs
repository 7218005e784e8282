// function.run may call itself: factorial and naive fibonacci, each call with its own variables (spec 4.10, 2.3)
run.job "recursion" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "math/factorial" {
  input {
    int n
  }
  stack {
    conditional {
      if ($input.n <= 1) {
        return {
          value = 1
        }
      }
    }
    var $acc { value = $input.n }
    function.run "math/factorial" { input = {n: $input.n - 1} } as $rest
  }
  response = $acc * $rest
}
---
function "math/fib" {
  input {
    int n
  }
  stack {
    conditional {
      if ($input.n < 2) {
        var $r { value = $input.n }
      }
      else {
        function.run "math/fib" { input = {n: $input.n - 1} } as $a
        function.run "math/fib" { input = {n: $input.n - 2} } as $b
        var $r { value = $a + $b }
      }
    }
  }
  response = $r
}
---
function "main" {
  input {}
  stack {
    function.run "math/factorial" { input = {n: 10} } as $f10
    function.run "math/factorial" { input = {n: 20} } as $f20
    function.run "math/factorial" { input = {n: 21} } as $f21
    var $fibs { value = [] }
    for (12) {
      each as $i {
        function.run "math/fib" { input = {n: $i} } as $f
        array.push $fibs { value = $f }
      }
    }
  }
  response = {f10: $f10, f20: $f20, f21_is_decimal: $f21|is_decimal, fibs: $fibs}
}
