// util.sleep pauses; util.get_input / get_raw_input give the input as JSON text; util.set_header only warns; random_number stays in [min, max]; create_password honours length and classes; util.ip_lookup is unsupported (spec 4.13, 4.18)
run.job "util and security misc" {
  main = {
    name: "main"
    input: {a: 1}
  }
}
---
function "main" {
  input {
    int a
  }
  stack {
    util.sleep { value = 0.05 }
    util.get_input as $gi
    util.get_raw_input { encoding = "json" } as $raw
    util.set_header {
      value = "X-Test: 1"
      duplicates = "replace"
    }
    security.random_number {
      min = 5
      max = 5
    } as $five
    var $dice { value = [] }
    for (50) {
      each as $i {
        security.random_number {
          min = 1
          max = 6
        } as $d
        array.push $dice { value = $d }
      }
    }
    security.create_password {
      character_count = 20
      require_symbol = true
      symbol_whitelist = "#"
    } as $pw
    try_catch {
      try {
        util.ip_lookup { value = "8.8.8.8" } as $geo
      }
      catch {
        var $ip_err { value = $error.code }
      }
    }
  }
  response = {
    gi: $gi
    raw: $raw
    five: $five
    dice_in_range: ($dice|array_min) >= 1 && ($dice|array_max) <= 6
    dice_ints: $dice|every:($$|is_int)
    pw_len: $pw|strlen
    pw_classes: [("/[a-z]/"|regex_matches:$pw), ("/[A-Z]/"|regex_matches:$pw), ("/[0-9]/"|regex_matches:$pw), ("/#/"|regex_matches:$pw), ("/^[a-zA-Z0-9#]+$/"|regex_matches:$pw)]
    ip_err: $ip_err
  }
}
