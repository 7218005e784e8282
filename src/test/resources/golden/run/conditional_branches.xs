// conditional: the first true branch runs, elseif in order, else otherwise; variables made in a branch stay visible (spec 4.2, 4.0)
run.job "conditional branches" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "grade" {
  input {
    int score
  }
  stack {
    conditional {
      description = "classify"
      if ($input.score >= 90) {
        var $g { value = "A" }
      }
      elseif ($input.score >= 75) {
        var $g { value = "B" }
      }
      elseif ($input.score >= 75) {
        var $g { value = "never: an earlier branch already matched" }
      }
      else {
        var $g { value = "C" }
      }
    }
  }
  response = $g
}
---
function "main" {
  input {}
  stack {
    var $out { value = [] }
    foreach ([95, 90, 80, 75, 10]) {
      each as $s {
        function.run "grade" {
          input = {score: $s}
        } as $g
        array.push $out { value = $g }
      }
    }
    conditional {
      if (false) {
        var $only_if { value = "no" }
      }
    }
  }
  response = {grades: $out, only_if: $only_if}
}
