// An uncaught transport failure means a remote service failed: exit 69, at the api.request statement (CLI exit codes, spec 4.11)
run.job "api.request uncaught transport error" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    api.request {
      url = "http://127.0.0.1:1/nothing"
      timeout = 5
    } as $r
  }
  response = $r
}
