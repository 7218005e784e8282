// `} break case (...) {` and `} break default {` on one line: each case still ends the switch (spec 4.3)
run.job "switch break on one line" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {
  }
  stack {
    var $out { value = [] }
    foreach ([1, 2, 7]) {
      each as $n {
        var $word { value = "" }
        switch ($n) {
          case (1) {
            var $word { value = $word ~ "one" }
          } break case (2) {
            var $word { value = $word ~ "two" }
          } break default {
            var $word { value = $word ~ "other" }
          }
        }
        array.push $out { value = $word }
      }
    }
  }
  response = $out
}
