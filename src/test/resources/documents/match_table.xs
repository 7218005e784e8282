// A table with defaults, a nullable field, an enum, a JSON field and three kinds of index.
table "match" {
  auth = false
  schema {
    int id
    timestamp kickoff?=now
    text home_team filters=trim
    text away_team filters=trim
    int? home_goals?=0
    int? away_goals?=0
    enum status?="scheduled" {
      values = ["scheduled", "live", "finished"]
    }
    json events?
    text venue? {
      description = "Stadium name"
    }
  }
  index = [
    {type: "primary", field: [{name: "id"}]}
    {type: "btree", field: [{name: "kickoff", op: "desc"}]}
    {type: "btree|unique", field: [{name: "home_team"}, {name: "kickoff"}]}
  ]
}
