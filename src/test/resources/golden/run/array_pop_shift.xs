// array.pop / array.shift remove and return the last / first element; an empty list gives null (spec 4.15)
run.job "array pop shift" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $l { value = [1, 2, 3, 4] }
    array.pop $l as $last
    array.shift $l as $first
    var $empty { value = [] }
    array.pop $empty as $p
    array.shift $empty as $s
    var $q { value = {jobs: ["j1", "j2"]} }
    array.shift $q.jobs as $job
  }
  response = {l: $l, last: $last, first: $first, p: $p, s: $s, empty: $empty, q: $q, job: $job}
}
