// A missing field inside an object schema fails with `Missing param: <field>` (spec 3.6 object row), here the field zip
run.job "nested missing field" {
  main = {
    name: "main"
    input: {
      address: {street: "Main 1"}
    }
  }
}
---
function "main" {
  input {
    object address {
      schema {
        text street
        text zip
      }
    }
  }
  stack {
  }
  response = $input
}
