// Missing intermediates become objects; a scalar in the way is replaced by an object; an unknown root is created (spec 4.1, 9 #27)
run.job "var.update creates missing" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $o { value = {} }
    var.update $o.a.b.c { value = 1 }
    var $s { value = {x: 5} }
    var.update $s.x.y { value = 2 }
    var.update $fresh.k { value = true }
    var.update $plain { value = "made" }
  }
  response = {o: $o, s: $s, fresh: $fresh, plain: $plain}
}
