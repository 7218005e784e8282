// text.append/prepend/trim/ltrim/rtrim change the variable in place; trim strips the given characters or whitespace when value is empty (spec 4.16)
run.job "text statements" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $t { value = "middle" }
    text.append $t { value = "-end" }
    text.prepend $t { value = "start-" }
    var $n { value = "total: " }
    text.append $n { value = 42 }
    var $pad { value = "  padded \t\n" }
    text.trim $pad { value = "" }
    var $stars { value = "**a*b**" }
    text.trim $stars { value = "*" }
    var $l { value = "xxabcxx" }
    text.ltrim $l { value = "x" }
    var $r { value = "xxabcxx" }
    text.rtrim $r { value = "x" }
    var $doc { value = {title: "  Hello  "} }
    text.trim $doc.title { value = "" }
  }
  response = {t: $t, n: $n, pad: $pad, stars: $stars, l: $l, r: $r, doc: $doc}
}
