// Arithmetic operands: null is 0, bools 0/1, numeric text its number, leading-numeric text its prefix, other text 0; + of two lists/objects is PHP array union (spec 5.3)
run.job "arithmetic coercion" {
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
    null_plus: null + 1
    true_plus: true + 1
    false_times: false * 9
    padded_text: " 12" + 1
    decimal_text: "3.5" + 1
    exponent_text: "1e3" + 0
    leading_numeric: "12px" + 1
    other_text: "abc" + 1
    text_minus_text: "10" - "4"
    object_union: {a: 1} + {a: 9, b: 2}
    list_union: [1, 2] + [7, 8, 9]
    unary_plus_text: +"7"
  }
}
