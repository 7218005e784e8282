// array.push/unshift/merge change the list in place; a null target becomes a list; merge appends a non-list as one element (spec 4.15)
run.job "array push unshift merge" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $l { value = [2] }
    array.push $l { value = 3 }
    array.unshift $l { value = 1 }
    array.push $l { value = [4] }
    array.merge $l { value = [5, 6] }
    array.merge $l { value = 7 }
    var $fresh { value = null }
    array.push $fresh { value = "x" }
    array.push $never_set { value = "y" }
    var $doc { value = {tags: ["a"]} }
    array.push $doc.tags { value = "b" }
    array.unshift $doc.tags { value = "z" }
  }
  response = {l: $l, fresh: $fresh, never_set: $never_set, doc: $doc}
}
