function "strings" {
  stack {
    var $block {
      value = """
  Kept exactly:   spaces,
	tabs and // not a comment
"""
    }
    var $expr { value = `$input.a+1` }
    var $quotes { value = 'single ' ~ "double // no comment" ~ "é ✓ 𝄞" }
    var $slash { value = 10/2 }
  }
  response = $block
}
