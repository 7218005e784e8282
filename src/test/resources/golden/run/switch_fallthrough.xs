// A case without `break` falls through into the next case's body and on into default, like C (spec 4.3, 9 #28)
run.job "switch fall-through" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "trace" {
  input {
    int n
  }
  stack {
    var $seen { value = [] }
    switch ($input.n) {
      case (1) {
        array.push $seen { value = "one" }
      }
      case (2) {
        array.push $seen { value = "two" }
      } break
      case (3) {
        array.push $seen { value = "three" }
      }
      case (4) {
        array.push $seen { value = "four" }
      }
      default {
        array.push $seen { value = "default" }
      }
    }
  }
  response = $seen
}
---
function "main" {
  input {}
  stack {
    var $all { value = {} }
    foreach ([1, 2, 3, 4, 5]) {
      each as $n {
        function.run "trace" { input = {n: $n} } as $t
        var.update $all[$n] { value = $t }
      }
    }
  }
  response = $all
}
