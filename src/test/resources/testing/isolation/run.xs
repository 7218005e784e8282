run.job "Isolation" {
  main = {name: "remember", input: {note: "x"}}
}
