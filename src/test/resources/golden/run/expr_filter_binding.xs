// Filter chains bind tighter than operators on their left, arguments extend greedily to the right, a lone filter before an operator is accepted inside backticks (an error outside them), chains continue on lines starting with | (spec 5.5, 9 #2 #3)
run.job "filter binding" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $name { value = "ann" }
    var $map { value = {a: "only a", ab: "a then b"} }
    var $list { value = [10, 20, 30] }
    var $i { value = 1 }
    var $csv { value = "x,y,z" }
    var $rec {
      value = {}
        |set:"id":7
        |set:"name":$name
    }
    var $n { value = 4 }
  }
  response = {
    binds_tighter: "Hi " ~ $name|to_upper
    greedy_concat: $map|get:"a" ~ "b"
    greedy_add: $list|get:$i + 1
    chain_not_nested: {a: {b: "deep"}}|get:"a"|get:"b"
    lone_filter_then_operator: `$list|count > 2`
    parenthesised_filter: ($list|count) * 2
    index_after_filter: ($csv|split:",")[2]
    filter_in_argument: $name|concat:($name|to_upper):" "
    continued_chain: $rec
    backtick: `$n % 2 == 0`
    backtick_in_condition: `$n * 2` + 1
  }
}
