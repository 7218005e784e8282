function "fib" {
  description = "The n-th Fibonacci number, computed the slow recursive way"
  input {
    int n filters=min:0
  }
  stack {
    conditional {
      if ($input.n < 2) {
        return { value = $input.n }
      }
    }
    function.run "fib" { input = { n: $input.n - 1 } } as $a
    function.run "fib" { input = { n: $input.n - 2 } } as $b
  }
  response = $a + $b
}
