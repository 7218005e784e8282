// var creates and overwrites; $var.name is the same variable; an unset variable reads as null (spec 4.1, 1.5, 9 #26)
run.job "var basic" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $a { value = 1 }
    var $a { value = $a + 1 }
    var $b { value = $var.a * 10 }
    var $c { value = $never_set }
    var $d { value = $never_set.deep.path }
  }
  response = {a: $a, b: $b, c: $c, d: $d, var_alias: $var.b}
}
