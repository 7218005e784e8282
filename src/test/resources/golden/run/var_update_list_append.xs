// Writing list index len appends; an existing index replaces; -1 counts from the end when reading (spec 4.1)
run.job "var.update list append" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $l { value = ["a", "b"] }
    var.update $l[2] { value = "c" }
    var.update $l.3 { value = "d" }
    var.update $l[0] { value = "A" }
    var $n { value = $l|count }
    var.update $l[$n] { value = "e" }
  }
  response = {l: $l, is_list: $l|is_array}
}
