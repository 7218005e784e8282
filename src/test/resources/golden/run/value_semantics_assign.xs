// Assignment copies: changing the original afterwards (push, var.update at a path, math) leaves the copy alone, and the other way round (spec 4.0)
run.job "value semantics on assignment" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $a { value = [1, 2] }
    var $b { value = $a }
    array.push $a { value = 3 }
    var.update $a[0] { value = "changed" }
    var $copy { value = $b }
    array.push $copy { value = "only in copy" }
    var $o { value = {inner: {n: 1}, list: [1]} }
    var $p { value = $o }
    var $q { value = $o.inner }
    var.update $o.inner.n { value = 99 }
    math.add $q.n { value = 10 }
    array.push $p.list { value = 2 }
    var $holder { value = {l: $b} }
    array.push $b { value = "b later" }
  }
  response = {a: $a, b: $b, copy: $copy, o: $o, p: $p, q: $q, holder: $holder}
}
