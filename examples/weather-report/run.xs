// Calls a public JSON API (Open-Meteo's forecast endpoint, no key needed) and summarises the answer.
run.job "Current weather report" {
  main = {
    name: "weather_report",
    input: {
      city: "Lisbon",
      latitude: 38.72,
      longitude: -9.14
    }
  }
}
