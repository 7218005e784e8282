// array.union keeps first occurrences by `by`; difference / intersection keep elements of the list whose `by` value is absent / present in `value` (spec 4.15)
run.job "array union difference intersection" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $mine { value = [{id: 1, v: "m1"}, {id: 2, v: "m2"}, {id: 3, v: "m3"}, {id: 2, v: "m2-dup"}] }
    var $theirs { value = [{id: 2, v: "t2"}, {id: 4, v: "t4"}] }
    array.union ($mine) {
      value = $theirs
      by = $this.id
    } as $union
    array.difference ($mine) {
      value = $theirs
      by = $this.id
    } as $difference
    array.intersection ($mine) {
      value = $theirs
      by = $this.id
    } as $intersection
    array.union ([1, 2, 2, 3]) {
      value = [3, 4, 1, 5]
      by = $this
    } as $plain_union
  }
  response = {
    union: $union|map:$$.v
    difference: $difference|map:$$.v
    intersection: $intersection|map:$$.v
    plain_union: $plain_union
  }
}
