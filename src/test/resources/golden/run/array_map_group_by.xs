// array.map builds a list of `by` per element; array.group_by groups elements under the text of `by` (spec 4.15)
run.job "array map group_by" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $items {
      value = [
        {sku: "a1", kind: "fruit", price: 2}
        {sku: "b2", kind: "veg", price: 3}
        {sku: "c3", kind: "fruit", price: 5}
        {sku: "d4", kind: null, price: 1}
      ]
    }
    array.map ($items) {
      by = $this.sku ~ "@" ~ $index
    } as $labels
    array.map ($items) {
      by = {sku: $this.sku, doubled: $this.price * 2}
    } as $doubled
    array.group_by ($items) {
      by = $this.kind
    } as $by_kind
    array.group_by ([1, 2, 3, 4, 5]) {
      by = $this % 2 == 0
    } as $by_parity
  }
  response = {labels: $labels, doubled: $doubled, by_kind: $by_kind, by_parity: $by_parity}
}
