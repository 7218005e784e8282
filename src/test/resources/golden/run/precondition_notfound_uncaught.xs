// A notfound precondition raised in a called function ends the job with exit 70 and points at the precondition (spec 4.6, 7.4)
run.job "precondition notfound" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "lookup" {
  input {
    text id
  }
  stack {
    precondition ($input.id == "known") {
      error_type = "notfound"
      error = "No record " ~ $input.id
    }
  }
  response = 1
}
---
function "main" {
  input {}
  stack {
    function.run "lookup" { input = {id: "x9"} } as $r
  }
  response = $r
}
