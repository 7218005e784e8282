run.job "Mocks on var and function.run" {
  main = { name: "greeting", input: { name: "Ann" } }
}
