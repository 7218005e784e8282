// Kinds the runner does not run are laid out like any other bracketed text.
table "orders" {
  auth = false
  schema {
    int id
    text status?="new" filters=trim|lower
    timestamp created_at?=now
    object meta? {
      schema {
        text source?
      }
    }
  }
  index = [
    { type: "primary", field: [{ name: "id" }] },
    { type: "btree", field: [{ name: "status", op: "asc" }] }
  ]
}
---
query "orders/{id}" verb=GET {
  input {
    int id
  }
  stack {
    db.get "orders" { field_name = "id", field_value = $input.id } as $order
  }
  response = $order
}
