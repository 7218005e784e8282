// Bare words in filter arguments are text; math.add(5, 3) and friends are the filters of the same meaning
run.job "bare words and calls" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $rows {
      value = [{g: "x", n: 1}, {g: "y", n: 2}, {g: "x", n: 3}]
    }
    var $result {
      value = {
        digest: "hello"|hmac_sha256:MY_SECRET_KEY
        digest_quoted: "hello"|hmac_sha256:"MY_SECRET_KEY"
        grouped: $rows|index_by:g
        picked: {a: 1, b: 2, c: 3}|pick:[a, c]
        sum: math.add(5, 3)
        difference: math.sub(10, 4)
        product: math.mul(3, 4)
        quotient: math.div(20, 5)
        remainder: math.mod(10, 3)
        keys: object.keys({a: 1, b: 2})
        values: object.values({a: 1, b: 2})
        entries: object.entries({a: 1})
        has_world: text.contains("hello world", "world")
        starts: text.starts_with("hello", "he")
        ends: text.ends_with("hello", "lo")
        icontains: text.icontains("Hello World", "WORLD")
        istarts: text.istarts_with("Hello", "HE")
        iends: text.iends_with("Hello", "LO")
        nested: math.add(math.mul(2, 3), 1) * 2
        sorted_by: {dad_jokes.id: "rand"}
      }
    }
  }
  response = $result
}
