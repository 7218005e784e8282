// Writing past the end of a list (i > len) or a text key into a list turns it into an object keyed "0", "1", ... (spec 4.1, 5.1)
run.job "var.update list to object" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $gap { value = [10, 20] }
    var.update $gap[5] { value = 60 }
    var $named { value = [10, 20] }
    var.update $named.label { value = "x" }
  }
  response = {
    gap: $gap
    gap_is_object: $gap|is_object
    named: $named
    named_keys: $named|keys
  }
}
