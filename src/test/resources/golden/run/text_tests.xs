// text.contains/icontains/starts_with/istarts_with/ends_with/iends_with return booleans; the i forms ignore case (spec 4.16)
run.job "text tests" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $s { value = "Hello World" }
    text.contains $s { value = "lo W" } as $c1
    text.contains $s { value = "world" } as $c2
    text.icontains $s { value = "WORLD" } as $c3
    text.starts_with $s { value = "Hell" } as $s1
    text.starts_with $s { value = "hell" } as $s2
    text.istarts_with $s { value = "hELL" } as $s3
    text.ends_with $s { value = "World" } as $e1
    text.ends_with $s { value = "world" } as $e2
    text.iends_with $s { value = "WORLD" } as $e3
  }
  response = [$c1, $c2, $c3, $s1, $s2, $s3, $e1, $e2, $e3, $s]
}
