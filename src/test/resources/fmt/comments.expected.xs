// A header comment stays first.

// So does a second one after a blank line.
function "comments" { // after the opening brace
  input {
    // a comment inside an input block
    int n?=2 // trailing a declaration
  }
  stack {
    // blank lines above collapse to one
    var $list {
      value = [
        1, // one
        2 // two
        // before the closing bracket
      ]
    }
    var $total { value = $list|count } // trailing a statement
    var $text {
      value = $total|to_text
        // between links of a chain
        |concat:"!"
    }

    // the last statement's comment
  }
  // before response
  response = $text
}
// at the very end
