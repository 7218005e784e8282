// Objects turn into JSON text without escaping / or non-ASCII (spec 9 #40); strlen and text[i] count Unicode code points, so an emoji is one character (spec 9 #41, 5.4)
run.job "json text and code points" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
  }
  response = {
    json_text: {u: "é/x", q: "a\"b", nl: "l1\nl2"} ~ ""
    emoji_length: "😀a"|strlen
    after_emoji: "😀a"[1]
    emoji_itself: "😀a"[0]
    range_sum: (1..5)|sum
  }
}
