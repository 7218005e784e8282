function "get_weather" {
  input {
    text city
  }

  stack {
    api.request {
      url = "https://weather.example.com/current"
      method = "GET"
      params = { city: $input.city }
      mock = {
        "returns sunny for Paris": { response: { result: { weather: "sunny", temp: 22 } } },
        "returns rainy for London": { response: { result: { weather: "rainy", temp: 15 } } }
      }
    } as $weather
  }

  response = $weather.response.result
  test "returns sunny for Paris" {
    input = { city: "Paris" }
    expect.to_equal ($response.weather) {
      value = "sunny"
    }
  }

  test "returns rainy for London" {
    input = { city: "London" }
    expect.to_equal ($response) {
      value = { temp: 15, weather: "rainy" }
    }
  }

  test "asks the service when not mocked" {
    input = { city: "Oslo" }
    expect.to_equal ($response.weather) {
      value = "snowy"
    }
  }
}
