// while re-evaluates its condition before every iteration; break and continue act on it (spec 4.4)
run.job "while loop" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $n { value = 1 }
    while ($n < 100) {
      each {
        var.update $n { value = $n * 2 }
      }
    }
    var $never { value = 0 }
    while (false) {
      each {
        math.add $never { value = 1 }
      }
    }
    var $i { value = 0 }
    var $odd { value = [] }
    while (true) {
      each {
        math.add $i { value = 1 }
        conditional {
          if ($i > 7) {
            break
          }
        }
        conditional {
          if ($i % 2 == 0) {
            continue
          }
        }
        array.push $odd { value = $i }
      }
    }
  }
  response = {n: $n, never: $never, odd: $odd, i: $i}
}
