// Edges of the in-place statements and errors: errors inside filter lambdas are caught, $error is visible in finally and not in a callee, text.append/array.push create missing targets, math on numeric text, merge of an object, unshift of a list, find over null, list messages as JSON (spec 4.8, 4.14-4.16, 5.8)
run.job "statement edge cases" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "callee_error" {
  input {}
  stack {
  }
  response = $error
}
---
function "main" {
  input {}
  stack {
    try_catch {
      try {
        var $m { value = [1, 0]|map:10 / $$ }
      }
      catch {
        var $lambda_err { value = $error.message }
      }
      finally {
        var $in_finally { value = $error.message }
      }
    }
    function.run "callee_error" as $callee_error
    text.append $new_text { value = "s" }
    var $five { value = "5" }
    math.add $five { value = 1 }
    array.push $o.a.b { value = 1 }
    var $l { value = [1] }
    array.merge $l { value = {k: "v"} }
    array.unshift $l { value = [0] }
    array.find ($nothing) if ($this == 1) as $found_in_null
    try_catch {
      try {
        precondition (false) {
          error = [1, "a"]
        }
      }
      catch {
        var $list_msg { value = $error.message }
      }
    }
    var $d { value = 3 }
    try_catch {
      try {
        math.div $d { value = 0 }
      }
      catch {
        var $div_msg { value = $error.message }
      }
    }
  }
  response = {
    lambda_err: $lambda_err
    in_finally: $in_finally
    callee_error: $callee_error
    new_text: $new_text
    five: $five
    o: $o
    l: $l
    found_in_null: $found_in_null
    list_msg: $list_msg
    div_msg: $div_msg
    d_unchanged: $d
  }
}
