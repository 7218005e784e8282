// continue skips to the next element; break leaves the loop (spec 4.4)
run.job "foreach break continue" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $kept { value = [] }
    foreach ([1, 2, 3, 4, 5, 6, 7, 8]) {
      each as $n {
        conditional {
          if ($n % 2 == 0) {
            continue
          }
        }
        conditional {
          if ($n > 5) {
            break
          }
        }
        array.push $kept { value = $n }
      }
    }
  }
  response = {kept: $kept, stopped_at: $n}
}
