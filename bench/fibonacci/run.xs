// Benchmark: naive recursive Fibonacci, to measure function.run and input binding.
run.job "Fibonacci benchmark" {
  main = {
    name: "fib",
    input: {
      n: 20
    }
  }
}
