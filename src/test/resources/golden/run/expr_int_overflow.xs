// int is 64-bit; + - * that overflow promote to decimal like PHP, they never wrap around (spec 5.1, 5.3, 9 #37)
run.job "int overflow" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $max { value = 9223372036854775807 }
    var $min { value = -9223372036854775807 - 1 }
  }
  response = {
    max: $max
    min: $min
    min_is_int: $min|is_int
    add_overflow: $max + 1
    add_is_decimal: ($max + 1)|is_decimal
    sub_overflow: $min - 1
    mul_overflow: $max * 2
    big_square: 4294967296 * 4294967296
    no_overflow: 4294967296 * 2147483647
    still_int: ($max - 1 + 1)|is_int
  }
}
