// Outside DB clauses a ==? b (and !=? >? ...) is true when b is null or "", else a op b; to_expr evaluates text as an expression in scope; typed constants cast their text; now is an int (spec 5.3, 5.9, 1.6)
run.job "ignore-empty operators, to_expr, typed constants" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $n { value = 4 }
  }
  response = {
    eq_null: 5 ==? null
    eq_empty: 5 ==? ""
    eq_same: 5 ==? 5
    eq_diff: 5 ==? 6
    gt_null: 3 >? null
    ne_same: 3 !=? 3
    to_expr_literal: "(2 + 1) % 2"|to_expr
    to_expr_scope: "$n * 3"|to_expr
    typed_int: !int "42"
    typed_decimal: !decimal "1.5"
    typed_bool: !bool "true"
    now_is_int: now|is_int
    now_recent: now > 1700000000000
  }
}
