// An enum input must equal one of its values: Input "<v>" is not one of the allowable values., exit 65 (spec 3.6, 3.8)
run.job "input_invalid_enum" {
  main = {
    name: "main"
    input: {
      v: "purple"
    }
  }
}
---
function "main" {
  input {
    enum v { values = ["red", "green"] }
  }
  stack {
  }
  response = $input
}
