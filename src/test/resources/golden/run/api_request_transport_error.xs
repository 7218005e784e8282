// A transport failure of api.request (connection refused) is an ERROR_FATAL runtime error that try_catch catches; the as variable stays unset (spec 4.11, 4.8, 7.3)
run.job "api.request transport error" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    try_catch {
      try {
        api.request {
          url = "http://127.0.0.1:1/nothing"
          method = "GET"
          timeout = 5
        } as $r
      }
      catch {
        var $e { value = $error }
      }
    }
  }
  response = {code: $e.code, name: $e.name, result: $e.result, has_message: $e.message != "", r: $r}
}
