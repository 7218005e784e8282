// === / !== need the same type (int and decimal differ) and, for objects, the same key order (spec 5.3)
run.job "strict equality" {
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
    int_int: 1 === 1
    int_decimal: 1 === 1.0
    text_int: "1" === 1
    null_null: null === null
    zero_null: 0 === null
    false_zero: false === 0
    list_same: [1, "a"] === [1, "a"]
    list_loose_only: [1, "2"] === [1, 2]
    object_same_order: {a: 1, b: 2} === {a: 1, b: 2}
    object_other_order: {a: 1, b: 2} === {b: 2, a: 1}
    nested_types: {a: [1]} === {a: [1.0]}
    strict_ne: 1 !== 1.0
    strict_ne_same: "x" !== "x"
  }
}
