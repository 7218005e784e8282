function "statements" {
  input {
    text status
  }
  stack {
    var $a { value = 1 }
    var $b { value = 2 }
    switch ($input.status) {
      case ("a") {
        var $m { value = "A" }
      } break
      case ("b") {
        var $m { value = "B" }
      } break
      default {
        var $m { value = "?" }
      }
    }
    foreach ([1, 2]) {
      each as $item {
        debug.log { value = $item }
      }
    }
    for (3) {
      each as $i {
        var.update $a { value = $a + $i }
      }
    }
    try_catch {
      try {
        throw { name = "E", value = "boom" }
      }
      catch {
        var $err { value = $error.message }
      }
    }
    precondition ($a > 0) { error_type = "standard", error = "a must be positive" }
    array.filter ($input.status|split:"") if ($this != "") as $letters
    !var $disabled { value = 1 }
  }
  response = $a
}
