// math.* update their target in place with the operator rules of 5.3; a path target works; a missing target counts as 0 (spec 4.14)
run.job "math statements" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $a { value = 10 }
    math.add $a { value = 5 }
    math.sub $a { value = 3 }
    math.mul $a { value = 4 }
    var $b { value = $a }
    math.div $b { value = 8 }
    var $c { value = $a }
    math.div $c { value = 5 }
    var $d { value = -17 }
    math.mod $d { value = 5 }
    var $stats { value = {hits: 1} }
    math.add $stats.hits { value = 1 }
    math.add $stats.misses { value = 3 }
    math.add $counter { value = 2 }
    var $e { value = 1.5 }
    math.mul $e { value = 2 }
  }
  response = {a: $a, b: $b, c: $c, d: $d, stats: $stats, counter: $counter, e: $e}
}
