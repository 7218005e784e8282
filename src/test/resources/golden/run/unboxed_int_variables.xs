// Ints computed by arithmetic are kept unboxed in their variables; every other reader sees the
// same values as before: filters, literals, $var, util.get_vars, var.update of a path, and a
// variable that changes type (int, text, decimal, int again)
run.job "unboxed int variables" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $n { value = 0 }
    var $sum { value = 0 }
    var $seen { value = [] }
    for (5) {
      each as $i {
        var $sum { value = $sum + $i * 1000 }
        array.push $seen { value = $i }
      }
    }
    var $big { value = 9223372036854775807 - 1 }
    var $over { value = $big + 10 }
    var $n { value = $n + 2 }
    var $label { value = ($sum|to_text) ~ "/" ~ ($n * 3) }
    var $switch { value = $n + 1 }
    var $switch { value = "three" }
    var $half { value = $n / 4 }
    var $back { value = $n - 5 }
    var $back { value = $back * -1 }
    util.get_vars as $vars
    var $copy { value = $var.sum }
    var.update $n { value = $n + 1 }
    var $eq { value = {int_eq_decimal: $n == 3.0, lt: $back < $n, text: $n ~ ""} }
  }
  response = {
    sum: $sum,
    seen: $seen,
    over: $over,
    label: $label,
    switch: $switch,
    half: $half,
    back: $back,
    copy: $copy,
    n: $n,
    eq: $eq,
    vars: $vars|keys,
    var_sum: $vars.sum,
    var_i: $vars.i
  }
}
