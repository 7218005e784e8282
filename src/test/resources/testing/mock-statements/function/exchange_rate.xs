// Stands for a function that needs a live service: it always fails when it really runs.
function "exchange_rate" {
  input {
    text currency
  }

  stack {
    throw {
      name = "ServiceUnavailable"
      value = "no live rates for " ~ $input.currency
    }
  }

  response = null
}
