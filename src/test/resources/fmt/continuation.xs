function "continuation" {
  stack {
    var $x {
      value =
        "joined after the equals sign"
    }
    var $chain {
      value = $x
          |to_upper
            |trim
    }
    var $sum {
      value = 1 +
        2 +
          3
    }
    conditional {
      if (
        $sum > 1 &&
        $sum < 10
      ) {
        var $ok { value = true }
      }
      elseif ($sum == 0) { var $ok { value = false } }
      else {
        var $ok { value = null }
      }
    }
  }
  response = $chain
}
