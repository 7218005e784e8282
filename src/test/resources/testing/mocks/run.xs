run.job "Mocked tests" {
  main = { name: "get_weather", input: { city: "Paris" } }
}
