// Fetches the current conditions for a place and turns them into a one-line report.
function "weather_report" {
  description = "Current temperature and wind for a coordinate, from Open-Meteo"
  input {
    text city filters=trim
    decimal latitude filters=min:-90|max:90
    decimal longitude filters=min:-180|max:180
    text unit?="celsius" filters=lower
  }
  stack {
    api.request {
      url = "https://api.open-meteo.com/v1/forecast"
      method = "GET"
      params = {
        latitude: $input.latitude,
        longitude: $input.longitude,
        current: "temperature_2m,wind_speed_10m",
        temperature_unit: $input.unit
      }
      timeout = 20
      mock = {
        "reports a breezy day": {
          response: {
            status: 200,
            result: {
              current: { time: "2026-05-01T12:00", temperature_2m: 21.36, wind_speed_10m: 18.2 }
            }
          }
        },
        "fails when the service is down": {
          response: { status: 503, result: { reason: "maintenance" } }
        }
      }
    } as $forecast

    precondition ($forecast.response.status == 200) {
      error_type = "standard"
      error = "The forecast service answered " ~ $forecast.response.status
      payload = $forecast.response.result
    }

    var $current { value = $forecast.response.result.current }
    var $symbol { value = ($input.unit == "fahrenheit") ? "°F" : "°C" }
    var $wind { value = $current.wind_speed_10m ?? 0 }
    var $feel { value = "calm" }
    conditional {
      if ($wind >= 40) {
        var $feel { value = "stormy" }
      }
      elseif ($wind >= 15) {
        var $feel { value = "breezy" }
      }
    }
  }
  response = {
    city: $input.city,
    temperature: $current.temperature_2m,
    wind_kmh: $wind,
    summary: $input.city ~ ": " ~ ($current.temperature_2m|round:1) ~ $symbol ~ ", " ~ $feel,
    observed_at: $current.time
  }
  test "reports a breezy day" {
    input = { city: " Lisbon ", latitude: 38.72, longitude: -9.14 }
    expect.to_equal ($response.summary) { value = "Lisbon: 21.4°C, breezy" }
    expect.to_equal ($response.wind_kmh) { value = 18.2 }
  }
  test "fails when the service is down" {
    input = { city: "Lisbon", latitude: 38.72, longitude: -9.14 }
    expect.to_throw { value = "The forecast service answered 503" }
  }
}
