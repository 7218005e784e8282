// An upload at or under filters=max_size:BYTES passes unchanged
run.job "input_filter_max_size_within" {
  main = {
    name: "main"
    input: {
      photo: {name: "cat.png", size: 1024, mime: "image/png"}
    }
  }
}
---
function "main" {
  input {
    image photo filters=max_size:1024
  }
  stack {
  }
  response = $input.photo
}
