// Decimals as text keep at most 14 significant digits (rounded), drop a trailing .0, and use exponent form for huge values; inside a list or object they are JSON-encoded instead (spec 5.8, 6.7)
run.job "decimal to text" {
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
    two_thirds: "" ~ 2 / 3
    rounded_noise: "" ~ (0.1 + 0.7)
    huge: "" ~ 100000000000000000000.0
    negative: "" ~ -1.5
    integral: "" ~ 100.0
    plain: "" ~ 1234567.891
    big_int_untouched: "" ~ 123456789012345678
    to_text_filter: (2 / 3)|to_text
    in_list: [0.5, 2.0] ~ ""
  }
}
