// More of the 5.3 tables: numeric texts compare as numbers ("1" == "01"), non-numeric text against a number compares text forms ("" == 0 is false), null orders as false against numbers (null < -1)
run.job "equality edges" {
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
    leading_zero: "1" == "01"
    trailing_space_text: "abc" == "abc "
    exponent_text: "1e1" == "10"
    null_lt_negative: null < -1
    null_lt_zero: null < 0
    true_eq_zero_text: true == "0"
    empty_text_eq_zero: "" == 0
    space_eq_zero: " " == 0
    zero_eq_decimal_text: 0 == "0.0"
    null_eq_zero_text: null == "0"
    empty_object_eq_null: {} == null
  }
}
