// remove drops the current element from the iterated variable; the loop itself walks a snapshot and the removal shows when it ends (spec 4.4)
run.job "foreach remove" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $data { value = {items: [1, 2, 3, 4, 5, 6]} }
    var $seen { value = [] }
    var $sizes_during { value = [] }
    foreach ($data.items) {
      each as $n {
        array.push $seen { value = $n }
        array.push $sizes_during { value = $data.items|count }
        conditional {
          if ($n % 3 == 0) {
            remove
          }
        }
      }
    }
    var $list { value = ["a", "b", "c"] }
    foreach ($list) {
      each as $s {
        conditional {
          if ($s != "b") {
            remove
          }
        }
      }
    }
  }
  response = {data: $data, seen: $seen, sizes_during: $sizes_during, list: $list}
}
