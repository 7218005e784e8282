// object.keys/values/entries give the same results as the keys, values and entries filters, in insertion order (spec 4.17, 6.3)
run.job "object statements" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $o { value = {zeta: 1, alpha: [2], mid: {x: null}} }
    object.keys { value = $o } as $k
    object.values { value = $o } as $v
    object.entries { value = $o } as $e
    object.keys { value = ["a", "b"] } as $list_keys
  }
  response = {
    k: $k
    v: $v
    e: $e
    list_keys: $list_keys
    same_as_filters: $k == ($o|keys) && $v == ($o|values) && $e == ($o|entries)
  }
}
