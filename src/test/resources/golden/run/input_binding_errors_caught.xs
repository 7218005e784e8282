// More binding failures, caught through function.run: email, uuid and date formats, min/max filters (message up to any " (" detail); list bounds, null list elements and nested schema fields by code only, their texts being unspecified (spec 3.5-3.8)
run.job "binding errors caught" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "mail" {
  input {
    email v
  }
  stack {
  }
  response = $input
}
---
function "id" {
  input {
    uuid v
  }
  stack {
  }
  response = $input
}
---
function "day" {
  input {
    date v
  }
  stack {
  }
  response = $input
}
---
function "bounded" {
  input {
    text name? filters=min:2|max:4
    int n? filters=min:1|max:9
    int[1:3] picks?
    int[] nums?
    int[]? maybe_nums?
  }
  stack {
  }
  response = $input
}
---
function "nested" {
  input {
    object address {
      schema {
        text street
        text zip
      }
    }
  }
  stack {
  }
  response = $input
}
---
function "main" {
  input {}
  stack {
    var $out { value = [] }
    foreach ([{v: "not-an-address"}]) {
      each as $in {
        try_catch {
          try {
            function.run "mail" { input = $in } as $r
            array.push $out { value = {ok: $r} }
          }
          catch {
            array.push $out { value = {code: $error.code, param: $error.result.param, message: $error.message|split:" ("|first} }
          }
        }
      }
    }
    foreach ([{v: "1234"}]) {
      each as $in {
        try_catch {
          try {
            function.run "id" { input = $in } as $r
            array.push $out { value = {ok: $r} }
          }
          catch {
            array.push $out { value = {code: $error.code, param: $error.result.param, message: $error.message|split:" ("|first} }
          }
        }
      }
    }
    foreach ([{v: "29/02/2024"}]) {
      each as $in {
        try_catch {
          try {
            function.run "day" { input = $in } as $r
            array.push $out { value = {ok: $r} }
          }
          catch {
            array.push $out { value = {code: $error.code, param: $error.result.param, message: $error.message|split:" ("|first} }
          }
        }
      }
    }
    foreach ([{name: "x"}, {name: "abcde"}, {n: 0}, {n: 10}, {maybe_nums: null, picks: [5], name: "abcd", n: 9}]) {
      each as $in {
        try_catch {
          try {
            function.run "bounded" { input = $in } as $r
            array.push $out { value = {ok: $r} }
          }
          catch {
            array.push $out { value = {code: $error.code, param: $error.result.param, message: $error.message|split:" ("|first} }
          }
        }
      }
    }
    foreach ([{picks: []}, {picks: [1, 2, 3, 4]}, {nums: [1, null]}]) {
      each as $in {
        try_catch {
          try {
            function.run "bounded" { input = $in } as $r
            array.push $out { value = {ok: $r} }
          }
          catch {
            array.push $out { value = {code: $error.code} }
          }
        }
      }
    }
    foreach ([{address: {street: "Main 1"}}, {address: 5}, {address: "{\"street\": \"s\", \"zip\": 1, \"x\": 2}"}]) {
      each as $in {
        try_catch {
          try {
            function.run "nested" { input = $in } as $r
            array.push $out { value = {ok: $r} }
          }
          catch {
            array.push $out { value = {code: $error.code} }
          }
        }
      }
    }
  }
  response = $out
}
