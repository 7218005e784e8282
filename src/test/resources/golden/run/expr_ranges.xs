// a..b is an inclusive int list; it counts down when a > b, so 0..(n-1) with n = 0 is [0, -1]; ends are converted to int (spec 5.3, 9 #30)
run.job "ranges" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $n { value = 0 }
    var $seen { value = [] }
    foreach ((1..3)) {
      each as $i {
        array.push $seen { value = $i * 10 }
      }
    }
  }
  response = {
    up: 1..4
    down: 3..1
    single: 5..5
    empty_trap: 0..($n - 1)
    negative: -2..1
    text_ends: "2".."4"
    decimal_ends: 1.9..3.2
    in_foreach: $seen
    count: (1..100)|count
  }
}
