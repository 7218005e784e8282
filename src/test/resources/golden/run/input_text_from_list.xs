// A list for a text input fails with the engine text, exit 65 (spec 3.6)
run.job "input_text_from_list" {
  main = {
    name: "main"
    input: {
      v: ["a", "b"]
    }
  }
}
---
function "main" {
  input {
    text v
  }
  stack {
  }
  response = $input
}
