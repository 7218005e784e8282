table "tally" {
  auth = false
  schema {
    int id
    int total
  }

  index = [{ type: "primary", field: [{ name: "id" }] }]
}
