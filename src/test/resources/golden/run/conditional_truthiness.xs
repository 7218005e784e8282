// Truthiness of conditions: null false 0 0.0 "" "0" [] {} are falsy; "false" " " "0.0" [0] are truthy (spec 5.7)
run.job "conditional truthiness" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $truthy { value = [] }
    foreach ([null, false, 0, 0.0, "", "0", [], {}, "false", " ", "0.0", [0], {a: null}, -1, 0.5, true, "a"]) {
      each as $v {
        conditional {
          if ($v) {
            array.push $truthy { value = true }
          }
          else {
            array.push $truthy { value = false }
          }
        }
      }
    }
  }
  response = $truthy
}
