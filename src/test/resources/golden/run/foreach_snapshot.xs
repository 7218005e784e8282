// The foreach expression is evaluated once: pushing to the list inside the loop does not add iterations (spec 4.4)
run.job "foreach snapshot" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $l { value = [1, 2, 3] }
    var $runs { value = 0 }
    foreach ($l) {
      each as $x {
        array.push $l { value = $x * 10 }
        math.add $runs { value = 1 }
        var.update $x { value = "changed" }
      }
    }
  }
  response = {l: $l, runs: $runs}
}
