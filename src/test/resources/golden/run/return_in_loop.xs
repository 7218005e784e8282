// return inside nested loops and a conditional leaves the whole function at once; response is then not evaluated (spec 4.5, 2.3)
run.job "return in loop" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "first_pair_summing_to" {
  input {
    int target
  }
  stack {
    var $nums { value = [4, 9, 2, 7, 5] }
    foreach ($nums) {
      each as $a {
        foreach ($nums) {
          each as $b {
            conditional {
              if ($a != $b && $a + $b == $input.target) {
                return {
                  value = [$a, $b]
                }
              }
            }
          }
        }
      }
    }
  }
  response = "none"
}
---
function "return_beats_response" {
  input {}
  stack {
    var $i { value = 0 }
    while (true) {
      each {
        math.add $i { value = 1 }
        conditional {
          if ($i == 3) {
            return {
              value = {returned: $i}
            }
          }
        }
      }
    }
  }
  response = 1 / 0
}
---
function "main" {
  input {}
  stack {
    function.run "first_pair_summing_to" { input = {target: 9} } as $a
    function.run "first_pair_summing_to" { input = {target: 100} } as $b
    function.run "return_beats_response" as $c
  }
  response = {a: $a, b: $b, c: $c}
}
