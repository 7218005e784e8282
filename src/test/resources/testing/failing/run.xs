run.job "Failing tests" {
  main = { name: "total", input: { prices: [1, 2] } }
}
