// A source with a UTF-8 BOM and CRLF line ends reads like LF: no stray \r in multi-line text (spec 1.1)
run.job "crlf and bom" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $body {
      value = """
        first
        second
        """
    }
    var $raw { value = "a
b" }
  }
  response = {body: $body, raw: $raw, lines: $body|split:"\n"|count}
}
