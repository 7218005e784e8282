// A case's trailing `} break` ends only the switch, not the enclosing loop; continue and return inside a case act on the loop and the function (spec 4.3, 4.4, 4.5)
run.job "switch inside a loop" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "classify_all" {
  input {}
  stack {
    var $out { value = [] }
    foreach (["a", "skip", "b", "stop", "c"]) {
      each as $s {
        switch ($s) {
          case ("skip") {
            continue
          } break
          case ("stop") {
            return {
              value = {out: $out, stopped_at: $s}
            }
          } break
          case ("a") {
            array.push $out { value = "A" }
          } break
          default {
            array.push $out { value = "other " ~ $s }
          }
        }
        array.push $out { value = "after switch " ~ $s }
      }
    }
  }
  response = "not reached"
}
---
function "main" {
  input {}
  stack {
    function.run "classify_all" as $r
  }
  response = $r
}
