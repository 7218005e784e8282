// An error raised two calls deep reaches the caller's catch unchanged; the callee's remaining statements and response are skipped (spec 7.4, 4.8)
run.job "error from called function" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "deepest" {
  input {
    int n
  }
  stack {
    precondition ($input.n < 3) {
      error_type = "accessdenied"
      error = "n too big: " ~ $input.n
      payload = {n: $input.n, limit: 3}
    }
  }
  response = $input.n * 100
}
---
function "middle" {
  input {
    int n
  }
  stack {
    function.run "deepest" { input = {n: $input.n} } as $d
    debug.log { value = "middle continued with " ~ $d }
  }
  response = $d + 1
}
---
function "main" {
  input {}
  stack {
    var $results { value = [] }
    foreach ([1, 5]) {
      each as $n {
        try_catch {
          try {
            function.run "middle" { input = {n: $n} } as $m
            array.push $results { value = $m }
          }
          catch {
            array.push $results { value = $error }
          }
        }
      }
    }
  }
  response = $results
}
