// Each error_type maps to its code; name is the type; the payload becomes $error.result; unknown types count as standard (spec 4.6, 7.1, 7.2, 9 #32)
run.job "precondition error types" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $seen { value = [] }
    try_catch {
      try {
        precondition (false) {
          error_type = "standard"
          error = "s"
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition (0) {
          error_type = "inputerror"
          error = "i"
          payload = {field: "qty"}
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition (null) {
          error_type = "badrequest"
          error = "b"
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition ("") {
          error_type = "unauthorized"
          error = "u"
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition ([]) {
          error_type = "accessdenied"
          error = "a"
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition ("0") {
          error_type = "notfound"
          error = "n"
          payload = [1, 2]
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition (1 > 2) {
          error_type = "toomanyrequests"
          error = "t"
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition (false) {
          error_type = "validation"
          error = "v"
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition (false) {
          error = 42
        }
      }
      catch {
        array.push $seen { value = $error }
      }
    }
    try_catch {
      try {
        precondition (false)
      }
      catch {
        array.push $seen { value = $error }
      }
    }
  }
  response = $seen
}
