function "literals" {
  stack {
    var $short { value = { a: 1, b: [1, 2, 3], c: {} } }
    var $broken {
      value = {
        a: 1,
        b: 2
      }
    }
    var $list {
      value = [{ x: 1 }, { x: 2 }]
    }
    var $long {
      value = {
        first_name: "Ada",
        last_name: "Lovelace",
        born: 1815,
        field: "mathematics",
        known_for: "the first program"
      }
    }
    var $nested {
      value = [
        1,
        {
          inner: true
        }
      ]
    }
    var $empty { value = [] }
    var $commas {
      value = {
        one: 1,
        two: 2
      }
    }
  }
  response = $nested
}
