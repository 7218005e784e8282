// foreach over an object visits its values; null gives no iterations; any other scalar gives one (spec 4.4, 9 #29)
run.job "foreach object, null, scalar" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $vals { value = [] }
    foreach ({b: 2, a: 1, c: {d: 3}}) {
      each as $v {
        array.push $vals { value = $v }
      }
    }
    var $null_runs { value = 0 }
    foreach (null) {
      each as $v {
        math.add $null_runs { value = 1 }
      }
    }
    var $missing_runs { value = 0 }
    foreach ($nothing.here) {
      each as $v {
        math.add $missing_runs { value = 1 }
      }
    }
    var $scalar_seen { value = [] }
    foreach ("solo") {
      each as $v {
        array.push $scalar_seen { value = $v }
      }
    }
    foreach (42) {
      each as $v {
        array.push $scalar_seen { value = $v }
      }
    }
    var $empty_runs { value = 0 }
    foreach ([]) {
      each as $v {
        math.add $empty_runs { value = 1 }
      }
    }
  }
  response = {vals: $vals, null_runs: $null_runs, missing_runs: $missing_runs, scalar_seen: $scalar_seen, empty_runs: $empty_runs}
}
