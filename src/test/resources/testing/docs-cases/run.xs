run.job "Cases after Xano's unit-testing docs" {
  main = { name: "rename", input: { label: "x" } }
}
