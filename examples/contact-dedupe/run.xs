run.job "Contact dedupe" {
  main = { name: "dedupe_contacts", input: {} }
}
