// int / int is an int when exact and a decimal otherwise; any decimal operand gives a decimal; % truncates both sides and keeps the dividend's sign (spec 5.3, 9 #53)
run.job "division and modulo" {
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
    exact: 6 / 3
    inexact: 7 / 2
    third: 1 / 4
    negative_exact: -9 / 3
    negative_inexact: -7 / 2
    decimal_operand: 6.0 / 3
    decimal_divisor: 6 / 1.5
    numeric_text: "9" / "3"
    mul_decimal: 2 * 1.5
    mul_decimal_int_valued: 0.5 * 4
    add_decimals: 0.1 + 0.2
    mod_pos: 7 % 3
    mod_neg_dividend: -7 % 3
    mod_neg_divisor: 7 % -3
    mod_decimals_truncate: 7.9 % 3
    mod_neg_decimal: -7.5 % 2
    mod_is_int: (7.9 % 3)|is_int
  }
}
