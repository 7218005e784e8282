run.job "Bulk add" {
  main = { name: "bulk", input: { rows: 100000 } }
}
---
function "bulk" {
  input {
    int rows
  }
  stack {
    var $data { value = [] }
    for ($input.rows) {
      each as $i {
        array.push $data { value = { code: "c" ~ $i, qty: $i % 97, price: $i * 0.5 } }
      }
    }
    db.bulk.add "item" { data = $data } as $n
  }
  response = $n
}
