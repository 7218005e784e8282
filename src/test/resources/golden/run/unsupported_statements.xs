// Statements a local runner cannot run parse fine and raise ERROR_FATAL "Unsupported statement: <name>" only when reached; try_catch catches them (spec 4.19, 7.3)
run.job "unsupported statements" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $out { value = [] }
    conditional {
      if (false) {
        redis.get {
          key = "never reached, never an error"
        } as $never
      }
    }
    try_catch {
      try {
        db.query "user" {
          where = $db.user.id == 1
          return = {type: "list"}
        } as $rows
        array.push $out { value = "after db.query must not run" }
      }
      catch {
        array.push $out { value = {code: $error.code, name: $error.name, prefix: $error.message|starts_with:"Unsupported statement: db.query"} }
      }
    }
    try_catch {
      try {
        redis.set {
          key = "k"
          data = 1
        }
      }
      catch {
        array.push $out { value = {code: $error.code, prefix: $error.message|starts_with:"Unsupported statement: redis.set"} }
      }
    }
  }
  response = $out
}
