// An upload larger than filters=max_size:BYTES fails before the stack runs, exit 65 (security docs: upload limits)
run.job "input_filter_max_size" {
  main = {
    name: "main"
    input: {
      scan: {name: "scan.pdf", size: 2048, mime: "application/pdf"}
    }
  }
}
---
function "main" {
  input {
    file scan filters=max_size:1024
  }
  stack {
  }
  response = $input.scan.name
}
