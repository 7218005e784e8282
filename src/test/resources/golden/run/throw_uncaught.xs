// An uncaught throw ends the job with exit 70; the message is the value as text (spec 4.7, 7.3)
run.job "throw uncaught" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $limit { value = 3 }
    throw {
      name = "QuotaExceeded"
      value = "Daily limit of " ~ $limit ~ " reached"
    }
  }
  response = "unreachable"
}
