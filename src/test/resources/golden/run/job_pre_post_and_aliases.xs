// run.job pre runs before main and post after it, their results discarded; function.call is an alias of function.run; async = true runs synchronously; util.post_process runs after main and its errors are reported, not raised (spec 2.2, 4.9, 4.10, 9 #33 #55)
run.job "pre, post and call aliases" {
  main = {
    name: "main"
    input: {}
  }
  pre = {name: "prep"}
  post = {name: "after"}
}
---
function "prep" {
  input {}
  stack {
    debug.log { value = "pre ran" }
  }
  response = "pre result"
}
---
function "after" {
  input {}
  stack {
    debug.log { value = "post ran" }
  }
  response = "post result"
}
---
function "helper" {
  input {
    int n
  }
  stack {
  }
  response = $input.n * 2
}
---
function "main" {
  input {}
  stack {
    function.call "helper" { input = {n: 2} } as $c
    function.run "helper" {
      input = {n: 3}
      async = true
    } as $a
    util.post_process {
      stack {
        debug.log { value = "post_process ran" }
        var $x { value = 1 / 0 }
      }
    }
  }
  response = {c: $c, a: $a}
}
