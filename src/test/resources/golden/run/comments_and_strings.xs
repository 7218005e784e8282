// // inside string literals is text, not a comment; comments may trail a statement or an input declaration; a raw line break inside "..." is kept; .0 reads key "0" of an object (spec 1.3, 1.6, 9 #47 #57)
run.job "comments and strings" {
  main = {
    name: "main"
    input: {email: "a@b.co"}   // trailing comment in the job
  }
}
---
// a comment before the function
function "main" {
  input {
    text email   // the address
  }
  stack {
    var $url { value = "https://example.test/a//b" } // trailing comment
    // a comment on its own line inside the stack
    var $single { value = '//not a comment either' }
    var $multi { value = "line1
line2" }
    var $o { value = {"0": "zero key", "a b": 1} }
  }
  response = {
    url: $url
    single: $single
    multi: $multi
    email: $input.email
    numeric_key_on_object: $o.0
    spaced_key: $o["a b"]
    var_root_path: $var.o.0
  }
}
