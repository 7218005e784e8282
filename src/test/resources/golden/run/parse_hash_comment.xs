// # is not a comment in XanoScript: a syntax error, exit 65 (spec 1.3)
run.job "parse_hash_comment" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $before { value = 1 }
    # not a comment
  }
  response = 1
}
