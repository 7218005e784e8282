table "contact" {
  auth = false
  schema {
    int id
    timestamp created_at?=now
    text name filters=trim
    text email filters=trim
    text phone?
    text company?
    enum source?="import" {
      values = ["import", "signup", "event"]
    }
    int merged_count?=0
  }
  index = [
    { type: "primary", field: [{ name: "id" }] },
    { type: "btree", field: [{ name: "email" }] }
  ]
}
