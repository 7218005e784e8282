// List indexes: 0-based, negative counts from the end, numeric text works like an int; text[i] is the i-th character (spec 5.4, 9 #31 #54)
run.job "indexing" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $l { value = ["a", "b", "c", "d"] }
    var $s { value = "héllo" }
    var $i { value = 2 }
  }
  response = {
    first: $l[0]
    dot_index: $l.2
    last: $l[-1]
    second_last: $l[-2]
    too_negative: $l[-5]
    past_end: $l[4]
    text_index: $l["1"]
    computed: $l[$i - 1]
    char: $s[1]
    char_last: $s[-1]
    char_computed: $s[$i + 2]
    char_past_end: $s[10]
    literal_char: "xyz"[0]
    get_negative_is_default: $l|get:-1:"dflt"
  }
}
