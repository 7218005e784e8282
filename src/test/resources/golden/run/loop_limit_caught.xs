// --max-iterations stops a loop before the pass that would exceed it (the loop variable is not moved
// on to that pass); the error can be caught, and each loop counts its own passes.
run.job "loop limit caught" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $seen { value = [] }
    var $for_message { value = "" }
    try_catch {
      try {
        for (10) {
          each as $i {
            array.push $seen { value = $i }
          }
        }
      }
      catch {
        var $for_message { value = $error.message }
      }
    }
    var $items { value = [] }
    var $foreach_message { value = "" }
    try_catch {
      try {
        foreach ([10, 20, 30, 40]) {
          each as $item {
            array.push $items { value = $item }
          }
        }
      }
      catch {
        var $foreach_message { value = $error.message }
      }
    }
    var $w { value = 0 }
    var $while_message { value = "" }
    try_catch {
      try {
        while (true) {
          each {
            var $w { value = $w + 1 }
          }
        }
      }
      catch {
        var $while_message { value = $error.message }
      }
    }
    var $inner { value = 0 }
    for (3) {
      each as $k {
        for (3) {
          each as $l {
            var $inner { value = $inner + 1 }
          }
        }
      }
    }
  }
  response = {
    seen: $seen
    last_i: $i
    for_message: $for_message
    items: $items
    last_item: $item
    foreach_message: $foreach_message
    w: $w
    while_message: $while_message
    inner: $inner
  }
}
