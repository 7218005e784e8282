// Loose == / != follow the PHP 8 table of spec 5.3 (and 9 #5): bool sides compare truthiness, null is "" against text and falsy otherwise, numeric texts compare as numbers
run.job "loose equality" {
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
    zero_eq_null: 0 == null
    zero_ne_null: 0 != null
    empty_text_eq_null: "" == null
    null_eq_null: null == null
    null_eq_text: null == "a"
    null_eq_empty_list: null == []
    null_eq_list: null == [0]
    null_eq_false: null == false
    null_eq_zero_decimal: null == 0.0
    abc_eq_zero: "abc" == 0
    num_text_eq: "1.0" == "1"
    num_text_exp: "1e3" == "1000"
    int_eq_decimal: 1 == 1.0
    int_eq_num_text: 10 == "10"
    int_eq_padded_text: 10 == " 10"
    int_eq_trailing_text: 10 == "10abc"
    int_eq_its_text_form: 1.5 == "1.5"
    text_case: "abc" == "ABC"
    text_exact: "abc" == "abc"
    true_eq_text: true == "x"
    false_eq_text_zero: false == "0"
    false_eq_empty_list: false == []
    true_eq_two: true == 2
    list_eq_list: [1, 2] == [1, 2]
    list_loose_elements: [1, "2"] == [1, 2]
    list_length_differs: [1, 2] == [1, 2, 3]
    list_order_matters: [1, 2] == [2, 1]
    object_order_ignored: {a: 1, b: 2} == {b: 2, a: 1}
    object_loose_values: {a: 1} == {a: "1"}
    object_keys_differ: {a: 1} == {a: 1, b: null}
    list_vs_scalar: [1] == 1
    object_vs_text: {a: 1} == "x"
    ne_of_loose_equal: "1" != 1
  }
}
