// The precedence ladder of spec 5.2: unary > * / % > + - > ~ > .. > relational > equality > && > || > ?? > ?: and ternary (right-assoc)
run.job "precedence ladder" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $two { value = 2 }
    var $neg { value = -5 }
  }
  response = {
    mul_before_add: 2 + 3 * 4
    parens: (2 + 3) * 4
    sub_left_assoc: 10 - 2 - 3
    div_left_assoc: 100 / 10 / 5
    mul_mod_left: 2 * 3 % 4
    mod_mul_left: 7 % 4 * 2
    unary_minus: -$two * 3
    minus_minus: 2 - -1
    neg_parens: -(2 + 3)
    add_before_concat: "a" ~ 1 + 2
    both_sides: 1 + 2 ~ 3 + 4
    mul_in_concat: "x" ~ 2 * 3
    concat_then_add: "1" ~ "2" + 1
    add_before_range: 1..1 + 2
    range_both_sides: 2 + 3..$two * 3
    range_before_eq: 1..3 == [1, 2, 3]
    concat_before_eq: "a" ~ "b" == "ab"
    rel_before_eq: 1 < 2 == true
    rel_left_assoc: 3 > 2 > 1
    and_before_or: true || false && false
    and_before_or_2: false && true || true
    grouped_or: (true || false) && false
    eq_before_and: 1 == 1 && 2 == 2
    not_before_eq: !true == false
    not_before_add: !0 + 1
    or_before_nullish: null ?? false || true
    nullish_keeps_left: "x" ?? false || true
    nullish_right_assoc: null ?? null ?? 3
    nullish_before_elvis: false ?: null ?? 7
    ternary_right_assoc: false ? 1 : true ? 2 : 3
    ternary_lowest: true ? "a" : "b" ~ "c"
    ternary_after_rel: 1 + 2 > 2 ? "yes" : "no"
    unary_over_filter: -$neg|abs
    negative_literal_filter: -10|abs
    not_over_filter: ![]|is_empty
  }
}
