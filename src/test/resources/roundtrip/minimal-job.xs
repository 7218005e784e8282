run.job "Minimal" {
  main = {
    name: "minimal"
  }
}
