// The compiled int paths (operands kept unboxed, list reads and element writes in place) give what
// the general rules give at every edge: overflow, exact and inexact division, modulo by -1 and 0,
// the smallest int, negative and out-of-range positions, ints from the input, ints against other types.
run.job "compiled int paths" {
  main = {
    name: "main"
    input: {
      n: 7
      list: [10, 20, 30]
    }
  }
}
---
function "main" {
  input {
    int n
    int[] list
  }
  stack {
    var $n { value = $input.n }
    var $max { value = 9223372036854775807 }
    var $min { value = -9223372036854775807 - 1 }
    var $zero { value = 0 }
    var $a { value = [5, 6, 7, 8] }
    var $sum { value = 0 }
    var $i { value = 0 }
    while ($i < $n) {
      each {
        var $sum { value = $sum + $i * $i - $i % 3 }
        var $i { value = $i + 1 }
      }
    }
    var $w { value = [1, 2, 3] }
    var.update $w[0] { value = $w[2] * 10 }
    var.update $w[-1] { value = "last" }
    var.update $w[3] { value = "appended" }
    var $o { value = [1, 2] }
    var.update $o[5] { value = "far" }
    var $t { value = [1, 2] }
    var.update $t["1"] { value = "text key" }
    var $d { value = [1, 2] }
    var.update $d[1.9] { value = "decimal key" }
    var $copy { value = $a }
    var.update $copy[$i - $n] { value = 0 }
    var $division_error { value = "" }
    try_catch {
      try {
        var $x { value = $n / $zero }
      }
      catch {
        var $division_error { value = $error.message }
      }
    }
    var $modulo_error { value = "" }
    try_catch {
      try {
        var $x { value = $n % $zero }
      }
      catch {
        var $modulo_error { value = $error.message }
      }
    }
  }
  response = {
    sum: $sum
    input_sum: $input.n + $input.list[1]
    exact_division: $n * 4 / 2
    inexact_division: $n / 2
    division_by_minus_one: $min / -1
    modulo_minus_one: $min % -1
    modulo_negative: -7 % 3
    min_plus_zero: $min + 0
    min_is_int: ($min + 0)|is_int
    overflow_add: $max + 1
    overflow_mul: $max * $n
    overflow_sub: $min - $n
    negative_index: $a[-1]
    index_from_arithmetic: $a[$n - 6]
    index_past_end: $a[$n]
    index_before_start: $a[-$n]
    index_text: $a["2"]
    index_decimal: $a[1.5]
    text_index: "hello"[$n - 6]
    int_vs_decimal: $n < 7.5
    int_vs_text: $n == "7"
    int_vs_text_order: $n > "10"
    int_vs_null: $zero == null
    int_equal: $n == 7
    int_strict_decimal: $n === 7.0
    int_not_equal: $n != $n + 1
    concat: $n ~ $n
    range: 1..$n - 4
    list_element_update: $w
    list_to_object: $o
    text_key_update: $t
    decimal_key_update: $d
    copy_changed: $copy
    original_unchanged: $a
    division_error: $division_error
    modulo_error: $modulo_error
  }
}
