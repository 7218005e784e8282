// The foreach item and array.* results are copies: changing them does not change the list they came from (spec 4.0, 6.0)
run.job "value semantics in loops and array statements" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $rows { value = [{n: 1}, {n: 2}] }
    foreach ($rows) {
      each as $row {
        var.update $row.n { value = $row.n * 100 }
      }
    }
    array.find ($rows) if ($this.n == 2) as $found
    var.update $found.n { value = "found changed" }
    array.filter ($rows) if (true) as $all
    array.push $all { value = {n: 3} }
    var.update $all[0].n { value = "filter copy changed" }
    var $sorted { value = $rows|sort:"n":"number":false }
    var.update $sorted[0].n { value = "filter result changed" }
  }
  response = {rows: $rows, last_row: $row, found: $found, all_count: $all|count}
}
