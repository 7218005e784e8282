// The empty-text check comes after the filters: a required text of only spaces with filters=trim is missing; an optional one becomes "" (spec 3.5); [min:] and [:max] bound list lengths on one side (spec 3.1, 3.3)
run.job "empty after trim, one-sided bounds" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "trimmed" {
  input {
    text name filters=trim
    text note? filters=trim
  }
  stack {
  }
  response = $input
}
---
function "bounds" {
  input {
    int[2:] at_least_two?
    int[:2] at_most_two?
  }
  stack {
  }
  response = $input
}
---
function "main" {
  input {}
  stack {
    var $out { value = [] }
    foreach ([{name: "   ", note: "x"}, {name: " ann ", note: "   "}]) {
      each as $in {
        try_catch {
          try {
            function.run "trimmed" { input = $in } as $r
            array.push $out { value = $r }
          }
          catch {
            array.push $out { value = $error.message }
          }
        }
      }
    }
    foreach ([{at_least_two: [1]}, {at_least_two: [1, 2, 3, 4]}, {at_most_two: [1, 2, 3]}, {at_most_two: []}]) {
      each as $in {
        try_catch {
          try {
            function.run "bounds" { input = $in } as $r
            array.push $out { value = $r }
          }
          catch {
            array.push $out { value = $error.code }
          }
        }
      }
    }
  }
  response = $out
}
