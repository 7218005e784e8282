// A db.query attribute of Xano's catalogue that xsrun does not run (output) stops the job where it is
// written (exit 70) instead of giving records with every field.
run.job "output not run" {
  main = {name: "posts", input: {}}
}
---
table "note" {
  schema {
    int id
    text body
  }
  index = [{type: "primary", field: [{name: "id"}]}]
  items = [{"body": "first"}]
}
---
function "posts" {
  input {}
  stack {
    db.get "note" { field_name = "id" field_value = 1 } as $first
    db.query "note" {
      output = ["body"]
    } as $notes
  }
  response = $notes
}
