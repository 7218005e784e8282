// PHP numeric strings for numbers (sign, padding, truncation), "" as 0 for decimal; a bool is no timestamp and "1,5" no decimal (spec 3.6)
run.job "numeric text inputs" {
  main = {
    name: "main"
    input: {d_empty: "", i_plus: "+5", i_neg_pad: "  -3.9 ", d_neg: "-0.5"}
  }
}
---
function "ts" {
  input {
    timestamp v
  }
  stack {
  }
  response = $input
}
---
function "dec" {
  input {
    decimal v
  }
  stack {
  }
  response = $input
}
---
function "main" {
  input {
    decimal d_empty
    int i_plus
    int i_neg_pad
    decimal d_neg
  }
  stack {
    try_catch {
      try {
        function.run "ts" { input = {v: true} } as $x
      }
      catch {
        var $ts_bool { value = $error.message }
      }
    }
    try_catch {
      try {
        function.run "dec" { input = {v: "1,5"} } as $x
      }
      catch {
        var $dec_comma { value = $error.message }
      }
    }
  }
  response = {input: $input, ts_bool: $ts_bool, dec_comma: $dec_comma}
}
