// An unsupported statement reached outside try_catch ends the job: exit 70, message exactly "Unsupported statement: <name>" (spec 4.19, 7.3)
run.job "unsupported uncaught" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    db.query "user" {
      return = {type: "list"}
    } as $rows
  }
  response = $rows
}
