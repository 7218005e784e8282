// A pure computation: totals, a discount rule and a per-category breakdown of one order.
run.job "Summarise an order" {
  main = {
    name: "summarise_order",
    input: {
      customer: "  Ada Lovelace ",
      coupon: "SPRING10",
      items: [
        { sku: "BK-101", category: "books", price: 12.5, qty: 2 },
        { sku: "PN-007", category: "stationery", price: 1.2, qty: 10 },
        { sku: "BK-220", category: "books", price: 30, qty: 1 },
        { sku: "MG-003", category: "magazines", price: 4.75, qty: 3 }
      ]
    }
  }
}
