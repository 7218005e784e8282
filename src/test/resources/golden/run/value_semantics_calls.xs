// A list or object passed to function.run is a copy: the callee's changes stay inside; the returned value is independent of the callee's variables (spec 4.0, 2.3)
run.job "value semantics across calls" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "mutate" {
  input {
    json items
    json meta
  }
  stack {
    var $items { value = $input.items }
    array.push $items { value = "added by callee" }
    var.update $items[0] { value = "replaced by callee" }
    var $m { value = $input.meta }
    var.update $m.touched { value = true }
  }
  response = {items: $items, meta: $m, input_after: $input}
}
---
function "main" {
  input {}
  stack {
    var $list { value = ["x", "y"] }
    var $meta { value = {id: 7} }
    function.run "mutate" { input = {items: $list, meta: $meta} } as $r
    array.push $r.items { value = "caller pushes to result" }
    function.run "mutate" { input = {items: $list, meta: $meta} } as $r2
  }
  response = {list: $list, meta: $meta, r: $r, r2_items: $r2.items}
}
