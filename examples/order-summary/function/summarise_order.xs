// Totals an order, applies a coupon, and groups the lines by category.
function "summarise_order" {
  description = "Order totals with a coupon and a per-category breakdown"
  input {
    text customer filters=trim
    text coupon? filters=trim|upper
    object[1:] items {
      schema {
        text sku
        text category filters=lower
        decimal price filters=min:0
        int qty filters=min:1
      }
    }
  }
  stack {
    var $subtotal { value = 0 }
    var $by_category { value = {} }
    foreach ($input.items) {
      each as $line {
        var $amount { value = ($line.price * $line.qty)|round:2 }
        math.add $subtotal { value = $amount }
        var $so_far { value = $by_category|get:$line.category:0 }
        var $by_category { value = $by_category|set:$line.category:(($so_far + $amount)|round:2) }
      }
    }

    var $discount_rate { value = 0 }
    switch ($input.coupon) {
      case ("SPRING10") {
        var $discount_rate { value = 0.1 }
      } break
      case ("VIP20") {
        var $discount_rate { value = 0.2 }
      } break
      default {
        var $discount_rate { value = 0 }
      }
    }
    var $discount { value = ($subtotal * $discount_rate)|round:2 }

    var $largest { value = $input.items|sort:"price":"number":false|first }
    array.filter ($input.items) if ($this.qty > 1) as $multiples
  }
  response = {
    customer: $input.customer,
    lines: $input.items|count,
    subtotal: $subtotal|round:2,
    discount: $discount,
    total: ($subtotal - $discount)|round:2,
    by_category: $by_category,
    most_expensive: $largest.sku,
    bought_more_than_once: $multiples|map:$$.sku
  }
  test "applies the spring coupon" {
    input = {
      customer: " Ada ",
      coupon: "spring10",
      items: [
        { sku: "BK-1", category: "Books", price: 10, qty: 2 },
        { sku: "PN-1", category: "pens", price: 5, qty: 1 }
      ]
    }
    expect.to_equal ($response.customer) { value = "Ada" }
    expect.to_equal ($response.subtotal) { value = 25 }
    expect.to_equal ($response.discount) { value = 2.5 }
    expect.to_equal ($response.total) { value = 22.5 }
    expect.to_equal ($response.by_category) { value = { books: 20, pens: 5 } }
    expect.to_equal ($response.most_expensive) { value = "BK-1" }
    expect.to_equal ($response.bought_more_than_once) { value = ["BK-1"] }
  }
  test "charges full price without a coupon" {
    input = { customer: "Bo", items: [{ sku: "MG-1", category: "magazines", price: 4.75, qty: 3 }] }
    expect.to_equal ($response.discount) { value = 0 }
    expect.to_equal ($response.total) { value = 14.25 }
    expect.to_equal ($response.bought_more_than_once) { value = ["MG-1"] }
  }
  test "rejects an order without items" {
    input = { customer: "Cy", items: [] }
    expect.to_throw
  }
}
