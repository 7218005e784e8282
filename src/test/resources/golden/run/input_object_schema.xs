// object inputs follow their schema recursively: fields coerced and filtered, unknown keys dropped, optional ones may be absent, defaults filled; object[] applies it per element (spec 3.2, 3.4, 3.6)
run.job "input object schema" {
  main = {
    name: "main"
    input: {
      address: {
        street: " Main 1 "
        zip: 12345
        extra: "dropped"
        geo: {lat: "1.5", lng: 2}
      }
      lines: [{sku: "a"}, {sku: "b", qty: "3", note: "dropped"}]
    }
  }
}
---
function "main" {
  input {
    object address {
      description = "where to ship"
      schema {
        text street filters=trim
        text zip
        text? unit?
        object geo? {
          schema {
            decimal lat
            decimal lng
          }
        }
      }
    }
    object[] lines {
      schema {
        text sku
        int qty?=1
      }
    }
  }
  stack {
  }
  response = $input
}
