// ~ converts both sides to text per spec 5.8 (9 #6): bools "true"/"false", null "", decimals with up to 14 significant digits and no ".0", lists and objects as compact JSON
run.job "concatenation conversions" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
  }
  response = {
    n: "n=" ~ 5
    negative: "n=" ~ -5
    bool_true: "b=" ~ true
    bool_false: "b=" ~ false
    null_side: "[" ~ null ~ "]"
    decimal: "d=" ~ 1.5
    integral_decimal: "d=" ~ 3.0
    computed_decimal: "d=" ~ (0.1 + 0.2)
    third: "d=" ~ (1 / 3)
    big_decimal: "d=" ~ 10000000000000000000000000.0
    list: "l=" ~ [1, "a", null, true]
    object: "o=" ~ {a: 1, b: [2], c: "x/y"}
    empty_list_object: [] ~ {}
    to_text_filter: true|to_text
  }
}
