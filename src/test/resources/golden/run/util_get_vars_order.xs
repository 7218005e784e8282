// util.get_vars snapshots the current variables in creation order (spec 5.1: insertion order everywhere); util.get_all_input copies the bound input (optional absent keys stay absent) (spec 4.13)
run.job "util get_vars order" {
  main = {
    name: "main"
    input: {city: "Oslo", extra: "dropped"}
  }
}
---
function "main" {
  input {
    text city
    int days?=3
    text note?
  }
  stack {
    var $zeta { value = 1 }
    var $b { value = [1, 2] }
    var $alpha { value = "x" }
    var $mid_name { value = null }
    util.get_vars as $vars
    var $c { value = "after snapshot" }
    array.push $b { value = 3 }
    util.get_all_input as $in
  }
  response = {vars: $vars, in: $in, b: $b}
}
