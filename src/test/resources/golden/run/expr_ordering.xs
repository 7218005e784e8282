// < <= > >=: numbers and numeric texts numerically, other texts by code point, null as "" against text, bools by truthiness (spec 5.3)
run.job "ordering" {
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
    numeric_texts: "10" < "9"
    plain_texts: "abc" < "abd"
    upper_before_lower: "Z" < "a"
    prefix_shorter: "ab" < "abc"
    int_vs_num_text: 2 < "10"
    decimal_vs_int: 2.5 > 2
    null_vs_text: null < "a"
    null_vs_empty_text: null >= ""
    false_lt_true: false < true
    true_vs_number: true > 0
    le_equal: 3 <= 3.0
    ge_text: "b" >= "b"
  }
}
