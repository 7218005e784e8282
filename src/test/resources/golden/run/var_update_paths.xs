// var.update writes at object keys and list positions, with [expr] keys computed at run time (spec 4.1)
run.job "var.update paths" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $cart { value = {items: [{sku: "a", qty: 1}, {sku: "b", qty: 2}], note: null} }
    var.update $cart.note { value = "gift" }
    var.update $cart.items.1.qty { value = 5 }
    var $i { value = 0 }
    var.update $cart.items[$i].sku { value = "A" }
    var $grid { value = [[0, 0], [0, 0]] }
    var $r { value = 1 }
    var.update $grid[$r][$r - 1] { value = 7 }
    var $key { value = "content-type" }
    var $hdrs { value = {} }
    var.update $hdrs[$key] { value = "json" }
    var $total { value = 10 }
    var.update $total { value = $total + 12 }
  }
  response = {cart: $cart, grid: $grid, hdrs: $hdrs, total: $total}
}
