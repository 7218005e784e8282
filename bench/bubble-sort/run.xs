// Benchmark: bubble sort of n pseudo-random integers, written the plain way (while loops,
// list indexing, var.update of one element). bench/bubble_sort.py is the same algorithm in Python.
run.job "Bubble sort benchmark" {
  main = {
    name: "bubble_sort",
    input: {
      n: 4000,
      seed: 42
    }
  }
}
