// && returns a bool; || returns its left operand when truthy, else its right one (Xano syntax docs:
// `$count || 10` is 10 when $count is 0); both short-circuit; ! negates truthiness
run.job "logical operators" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $x { value = null }
  }
  response = {
    zero_or_one: 0 || 1
    text_or_default: $x || "default"
    text_and_text: "a" && "b"
    one_and_zero: 1 && 0
    null_or_null: null || null
    list_or: [1] || false
    not_zero_text: !"0"
    not_false_text: !"false"
    not_empty_object: !{}
    and_short_circuit: false && (1 / 0)
    or_short_circuit: true || (1 / 0)
    zero_or_ten: 0 || 10
    text_or_number: "a" || 10
    empty_text_or_false: "" || false
    or_in_condition: (0 || "") ? "yes" : "no"
  }
}
