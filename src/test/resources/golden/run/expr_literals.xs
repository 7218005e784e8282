// Literals: "..." C-style escapes (\u is not an escape, unknown escapes drop the backslash), '...' keeps backslashes, triple-quoted text strips the closer's indent, {} stays an object (spec 1.6)
run.job "literals" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $body {
      value = """
        Dear team,
          the nightly job finished.
        """
    }
    var $base { value = {a: 1, b: 2} }
    var $more { value = [2, 3] }
  }
  response = {
    escapes: "tab\tnl\nquote\"slash\/dollar\$"
    unicode_not_escape: "\u00e9"
    unknown_escape: "\q"
    hex_octal: "\x41\101"
    single_quoted: 'a\nb\'c\\d'
    triple: $body
    empty_object: {}
    empty_list: []
    object_is_object: {}|is_object
    quoted_keys: {"content-type": "x", 5: "five"}
    duplicate_keys: {k: 1, k: 2}
    trailing_comma: [1, 2, ]
    multiline_list: [
      1
      2
    ]
    decimal: 1.50
    negative: -3
    list_spread: [1, ...$more, 9]
    object_spread: {...$base, b: 20, c: 3}
  }
}
