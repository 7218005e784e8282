// A bare word as a value inside a list or object literal is its text, as in a filter argument
// (spec 5.5 rule 11); true, false, null and now keep their meaning.
run.job "bare words in literals" {
  main = {
    name: "main"
    input: {mode: fast}
  }
}
---
function "main" {
  input {
    text mode
  }
  stack {
    var $order {
      value = [{column: updated_at, way: desc, on: true, gone: null}]
    }
    var $nested {
      value = {levels: [low, high], first: ([low, high]|first) ~ "!"}
    }
  }
  response = {order: $order, nested: $nested, mode: $input.mode}
}
