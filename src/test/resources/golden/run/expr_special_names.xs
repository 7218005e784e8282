// In a job $auth is null, $env.$datasource is "live", $env.$branch "v1", other $env.$ names null; $result, $index, $this are ordinary variables outside their contexts (spec 5.10, 8, 9 #24)
run.job "special names" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $result { value = "my result" }
    var $index { value = 3 }
    var $response { value = "my response" }
    var $mapped { value = [1, 2]|map:$$ * 10 + $index }
    var $summed { value = [1, 2, 3]|reduce:$$ + $result:0 }
  }
  response = {
    auth: $auth
    auth_id: $auth.id
    datasource: $env.$datasource
    branch: $env.$branch
    remote_ip: $env.$remote_ip
    result: $result
    index: $index
    response: $response
    mapped: $mapped
    summed: $summed
  }
}
