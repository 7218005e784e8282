// group runs its stack inline in the same scope; disabled statements (leading ! or disabled = true) are skipped (spec 4.9, 1.8, 4.0)
run.job "group" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $x { value = 1 }
    group {
      description = "readability only"
      stack {
        var.update $x { value = $x + 1 }
        var $made_inside { value = "visible" }
      }
    }
    !var $x { value = 100 }
    var $x {
      value = 200
      disabled = true
    }
  }
  response = {x: $x, made_inside: $made_inside}
}
