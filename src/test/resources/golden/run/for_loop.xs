// for (n) runs $i = 0..n-1; the count is converted to int; n <= 0 runs nothing; break and continue work (spec 4.4)
run.job "for loop" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $idx { value = [] }
    for (3) {
      each as $i {
        array.push $idx { value = $i }
      }
    }
    var $from_text { value = [] }
    for ("2") {
      each as $i {
        array.push $from_text { value = $i }
      }
    }
    var $zero { value = 0 }
    for (0) {
      each as $i {
        math.add $zero { value = 1 }
      }
    }
    for (-4) {
      each as $i {
        math.add $zero { value = 1 }
      }
    }
    var $ctl { value = [] }
    for (10) {
      each as $i {
        conditional {
          if ($i == 1) {
            continue
          }
          elseif ($i == 4) {
            break
          }
        }
        array.push $ctl { value = $i }
      }
    }
  }
  response = {idx: $idx, from_text: $from_text, zero: $zero, ctl: $ctl}
}
