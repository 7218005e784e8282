// foreach over a list visits elements in order; the item variable keeps the last value after the loop (spec 4.4)
run.job "foreach list" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $sum { value = 0 }
    var $order { value = [] }
    foreach ([3, 1, 4, 1, 5]) {
      each as $x {
        math.add $sum { value = $x }
        array.push $order { value = $x }
      }
    }
  }
  response = {sum: $sum, order: $order, last: $x}
}
