// array.find/find_index/has/every/filter/filter_count/partition with $this and $index in the condition (spec 4.15)
run.job "array search statements" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $people {
      value = [
        {name: "ann", age: 31}
        {name: "bob", age: 17}
        {name: "cy", age: 45}
        {name: "di", age: 12}
      ]
    }
    var $limit { value = 18 }
    array.find ($people) if ($this.age < $limit) as $first_minor
    array.find ($people) if ($this.age > 100) as $nobody
    array.find_index ($people) if ($this.name == "cy") as $cy_at
    array.find_index ($people) if ($this.name == "zed") as $zed_at
    array.has ($people) if ($this.age == 45) as $has45
    array.has ($people) if ($this.age == 46) as $has46
    array.every ($people) if ($this.age > 10) as $all_over10
    array.every ($people) if ($this.age > 12) as $all_over12
    array.every ([]) if (false) as $every_empty
    array.filter ($people) if ($this.age >= $limit) as $adults
    array.filter_count ($people) if ($this.age >= $limit) as $adult_count
    array.partition ($people) if ($index % 2 == 0) as $by_position
    var $ages { value = [3, 8, 1] }
    array.find $ages if ($$ > 2 && $index > 0) as $bare
  }
  response = {
    first_minor: $first_minor
    nobody: $nobody
    cy_at: $cy_at
    zed_at: $zed_at
    has45: $has45
    has46: $has46
    all_over10: $all_over10
    all_over12: $all_over12
    every_empty: $every_empty
    adults: $adults|map:$$.name
    adult_count: $adult_count
    by_position: $by_position
    bare: $bare
  }
}
