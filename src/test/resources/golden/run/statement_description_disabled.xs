// description is accepted and ignored everywhere; disabled = true or a leading ! skips a statement, loops and conditionals included (spec 4.0, 4.2, 4.4, 4.8, 1.8)
run.job "description and disabled" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $log { value = [] }
    foreach ([1, 2]) {
      description = "loop with a description"
      each as $i {
        array.push $log { value = "f" ~ $i }
      }
    }
    foreach ([1, 2]) {
      disabled = true
      each as $i {
        array.push $log { value = "disabled foreach" }
      }
    }
    for (2) {
      description = "d"
      each as $i {
        array.push $log { value = "for" ~ $i }
      }
    }
    while (false) {
      description = "w"
      each {
        array.push $log { value = "never" }
      }
    }
    conditional {
      disabled = true
      if (true) {
        array.push $log { value = "disabled conditional" }
      }
    }
    try_catch {
      description = "t"
      try {
        array.push $log { value = "try" }
      }
      catch {
        array.push $log { value = "catch" }
      }
    }
    switch (1) {
      description = "s"
      case (1) {
        array.push $log { value = "case1" }
      } break
    }
    !array.push $log { value = "bang disabled" }
    array.push $log {
      value = "attr disabled"
      disabled = true
    }
    array.push $log {
      value = "with description"
      description = "documented"
    }
  }
  response = $log
}
