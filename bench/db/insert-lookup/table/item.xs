table "item" {
  schema {
    int id
    text code
    int qty
    decimal price
  }
  index = [
    { type: "primary", field: [{ name: "id" }] },
    { type: "btree|unique", field: [{ name: "code" }] }
  ]
}
