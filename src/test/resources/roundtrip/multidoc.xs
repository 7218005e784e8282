// Several documents in one file; the table is not kept by the tree and is left out of the check.
function "multi/one" {
  input {}
  stack {}
}
---
table "user" {
  schema {
    int id
  }
}
---
function "multi/two" {
  input {
    int x
  }
  stack {
    var $y { value = $input.x + 1 }
  }
  response = $y
}
---
run.job "Multi" {
  main = {name: "multi/two", input: {x: 1}}
}
