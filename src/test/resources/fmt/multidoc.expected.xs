run.job "two documents" {
  main = { name: "second", input: { n: 1 } }
}
---
// the function
function "second" {
  input {
    int n
  }
  stack {}
  response = $input.n + 1
}
