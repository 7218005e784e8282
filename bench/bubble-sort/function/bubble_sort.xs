function "bubble_sort" {
  description = "Sorts n pseudo-random integers with bubble sort and returns a checksum"
  input {
    int n filters=min:1
    int seed
  }
  stack {
    var $a { value = [] }
    var $x { value = $input.seed }
    var $i { value = 0 }
    while ($i < $input.n) {
      each {
        var $x { value = ($x * 1103515245 + 12345) % 2147483648 }
        array.push $a { value = $x % 100000 }
        var $i { value = $i + 1 }
      }
    }

    var $n { value = $input.n }
    var $i { value = 0 }
    while ($i < $n - 1) {
      each {
        var $j { value = 0 }
        var $limit { value = $n - 1 - $i }
        while ($j < $limit) {
          each {
            conditional {
              if ($a[$j] > $a[$j + 1]) {
                var $tmp { value = $a[$j] }
                var.update $a[$j] { value = $a[$j + 1] }
                var.update $a[$j + 1] { value = $tmp }
              }
            }
            var $j { value = $j + 1 }
          }
        }
        var $i { value = $i + 1 }
      }
    }
  }
  response = {
    first: $a|first,
    last: $a|last,
    middle: $a[$n / 2],
    count: $a|count
  }
}
