// The four modifier combinations of spec 3.3/3.5: required vs optional (name?), nullable (type?); required text also rejects "", optional text accepts it
run.job "input modifiers" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "mods" {
  input {
    text req
    text? req_nullable
    text opt?
    text? opt_nullable?
  }
  stack {
  }
  response = {input: $input, opt_present: $input|has:"opt", opt_read: $input.opt}
}
---
function "main" {
  input {}
  stack {
    var $cases {
      value = [
        {req: "a", req_nullable: null}
        {req_nullable: "x"}
        {req: "a"}
        {req: null, req_nullable: "x"}
        {req: "a", req_nullable: "b", opt: null}
        {req: "a", req_nullable: "b", opt: "", opt_nullable: null}
        {req: "", req_nullable: "b"}
        {req: "a", req_nullable: ""}
        {req: "a", req_nullable: "b", opt: "o", opt_nullable: "on"}
      ]
    }
    var $out { value = [] }
    foreach ($cases) {
      each as $c {
        try_catch {
          try {
            function.run "mods" { input = $c } as $r
            array.push $out { value = $r }
          }
          catch {
            array.push $out { value = $error.message }
          }
        }
      }
    }
  }
  response = $out
}
