run.job "Passing tests" {
  main = { name: "add", input: { a: 1, b: 2 } }
}
