// Defaults (?= and plain =) apply only when the key is absent, never to an explicit null; a default still passes through the declared filters (spec 3.3, 3.5, 9 #38)
run.job "input defaults" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "defaults" {
  input {
    text lang?="en"
    text greeting = "hi"
    int n?=10
    bool flag?=false
    text? nick?="anon"
    json tags?=[]
    json opts?={}
    decimal rate?=1.5
    text code?="  AB " filters=trim|lower
  }
  stack {
  }
  response = $input
}
---
function "main" {
  input {}
  stack {
    function.run "defaults" as $all_defaults
    function.run "defaults" {
      input = {nick: null, n: "3", greeting: "yo", flag: "on", code: " XY "}
    } as $given
    try_catch {
      try {
        function.run "defaults" { input = {lang: null} } as $x
      }
      catch {
        var $null_for_default { value = $error.message }
      }
    }
  }
  response = {all_defaults: $all_defaults, given: $given, null_for_default: $null_for_default}
}
