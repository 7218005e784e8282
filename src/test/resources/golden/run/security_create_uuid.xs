// security.create_uuid gives a random v4 UUID: 36 characters, 8-4-4-4-12 hex groups, version digit 4; two calls differ (spec 4.18)
run.job "create uuid" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    security.create_uuid as $u
    security.create_uuid as $v
  }
  response = {
    length: $u|strlen
    groups: $u|split:"-"|map:($$|strlen)
    version: ($u|split:"-")[2]|substr:0:1
    is_uuid: $u|is_uuid
    lower_hex: ($u|replace:"-":""|to_lower) == ($u|replace:"-":"")
    differ: $u != $v
  }
}
