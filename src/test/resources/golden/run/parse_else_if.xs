// `else if` (two words) is not valid XanoScript, only `elseif`: a parse error, exit 65 (spec 1.4, 4.2).
// Today it is accepted and runs as a plain else, ignoring its condition (this job would print 2).
// The message text below is a suggestion; the spec fixes only the parse error and its place.
run.job "else if" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $a { value = 0 }
    conditional {
      if (false) {
        var $a { value = 1 }
      }
      else if (false) {
        var $a { value = 2 }
      }
    }
  }
  response = $a
}
