// List inputs: each element is coerced and filtered, a scalar becomes [v], JSON text is decoded, [min:max] bounds the length, min/max filters apply per element (spec 3.5, 3.7, 9 #10)
run.job "input lists" {
  main = {
    name: "main"
    input: {
      nums: ["1", 2.7, 3]
      tags: [" A ", "b "]
      single: "solo"
      from_json_text: "[4,5]"
      picks: [1, 2]
      scores: [5, 0]
      empty_scores: []
      maybe: null
      flags: ["yes", 0, true]
    }
  }
}
---
function "main" {
  input {
    int[] nums
    text[] tags filters=trim|lower
    text[] single
    int[] from_json_text
    int[1:3] picks
    int[] scores filters=min:0|max:5
    int[] empty_scores filters=min:1
    int[]? maybe
    bool[] flags
    text[] absent?
  }
  stack {
  }
  response = $input
}
