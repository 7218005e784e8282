// remove marks survive a later break; remove on an item path changes only the item copy; continue inside catch still runs finally (spec 4.4, 4.8, 4.0)
run.job "loop control edges" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $l { value = [1, 2, 3, 4, 5] }
    foreach ($l) {
      each as $n {
        conditional {
          if ($n == 2) {
            remove
          }
          elseif ($n == 4) {
            break
          }
        }
      }
    }
    var $m { value = {groups: [{items: [1, 2, 3]}, {items: [4, 5]}]} }
    foreach ($m.groups) {
      each as $g {
        foreach ($g.items) {
          each as $it {
            conditional {
              if ($it % 2 == 1) {
                remove
              }
            }
          }
        }
        array.push $kept { value = $g.items }
      }
    }
    var $c { value = [] }
    foreach ([1, 2, 3]) {
      each as $n {
        try_catch {
          try {
            precondition ($n != 2)
            array.push $c { value = $n }
          }
          catch {
            continue
          }
          finally {
            array.push $c { value = "f" ~ $n }
          }
        }
      }
    }
  }
  response = {l: $l, m: $m, kept: $kept, c: $c}
}
