// break and continue act on the innermost loop only (spec 4.4)
run.job "nested loops" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $pairs { value = [] }
    foreach ([1, 2, 3]) {
      each as $a {
        for (5) {
          each as $b {
            conditional {
              if ($b == 0) {
                continue
              }
            }
            conditional {
              if ($b > $a) {
                break
              }
            }
            array.push $pairs { value = $a ~ "-" ~ $b }
          }
        }
        var $w { value = 0 }
        while ($w < 10) {
          each {
            math.add $w { value = 1 }
            conditional {
              if ($w == 2) {
                break
              }
            }
          }
        }
        array.push $pairs { value = "w" ~ $w }
      }
    }
  }
  response = $pairs
}
