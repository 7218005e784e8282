// function.run with a mock: under a test the mock names, the callee is not called at all
function "price_in" {
  input {
    decimal amount
    text currency
  }

  stack {
    function.run "exchange_rate" {
      input = { currency: $input.currency }
      mock = {
        "converts with a fixed rate": 1.5,
        "keeps the mocked object apart": { rate: 2 }
      }
    } as $rate

    var $factor {
      value = $rate.rate ?? $rate
    }
  }

  response = ($input.amount * $factor)|round:2
  test "converts with a fixed rate" {
    input = { amount: 10, currency: "USD" }
    expect.to_equal ($response) {
      value = 15
    }
  }

  test "keeps the mocked object apart" {
    input = { amount: 3, currency: "GBP" }
    expect.to_equal ($response) {
      value = 6
    }
  }

  test "an unmocked call reaches the function" {
    input = { amount: 10, currency: "JPY" }
    expect.to_throw {
      value = "no live rates for JPY"
    }
  }
}
