run.job "Insert and look up" {
  main = { name: "insert_lookup", input: { rows: 100000, lookups: 10000 } }
}
---
function "insert_lookup" {
  input {
    int rows
    int lookups
  }
  stack {
    db.transaction {
      stack {
        for ($input.rows) {
          each as $i {
            db.add "item" { data = { code: "c" ~ $i, qty: $i % 97, price: $i * 0.5 } }
          }
        }
      }
    }
    var $total { value = 0 }
    for ($input.lookups) {
      each as $j {
        db.query "item" {
          where = $db.item.code == "c" ~ (($j * 7919) % $input.rows)
          return = { type: "single" }
        } as $row
        var.update $total { value = $total + $row.qty }
      }
    }
  }
  response = $total
}
