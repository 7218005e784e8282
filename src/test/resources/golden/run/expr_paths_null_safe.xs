// Member access never throws: missing keys, out-of-range indexes, .key on a list and any step on a scalar or null give null (spec 5.4)
run.job "null-safe paths" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $resp { value = {response: {result: {items: [{name: "first"}, {name: "second"}]}}, "content-type": "json"} }
    var $n { value = 5 }
    var $key { value = "content-type" }
  }
  response = {
    deep: $resp.response.result.items.1.name
    bracket_index: $resp.response.result.items[0]["name"]
    computed_key: $resp[$key]
    quoted_key: $resp["content-type"]
    missing_key: $resp.response.body
    missing_chain: $resp.response.body.items.0.name
    out_of_range: $resp.response.result.items.9.name
    key_on_list: $resp.response.result.items.name
    on_number: $n.anything
    on_number_index: $n[0]
    on_null: null.a.b
    on_bool: true.x
    undefined_var_chain: $nope.a[3].b
    paren_then_path: ({a: {b: 1}}).a.b
    filtered_then_index: ($resp.response.result.items|first).name
  }
}
