// Expressions the printer must write back with just enough parentheses.
function "roundtrip/expressions" {
  description = "precedence, filters, literals"
  input {
    json data?
    int n?=3
  }
  stack {
    // arithmetic and grouping
    var $a { value = 1 + 2 * 3 - 4 / 2 % 3 }
    var $b { value = (1 + 2) * (3 - 4) }
    var $c { value = 10 - (4 - 3) }
    var $d { value = 10 - 4 - 3 }
    var $e { value = 2 * (3 * 4) }
    var $f { value = "a" ~ "b" ~ ($a + 1) ~ $a + 1 }
    var $g { value = (0..($input.n - 1)) }
    var $h { value = 1..4 }
    var $cmp { value = $a < $b == $c >= $d && !($e > $f) || $a != $b && $a === 3 || $b !== 4 }
    var $grp { value = ($a || $b) && ($c || $d) }
    var $ie { value = $a ==? $input.data && $b <=? null }
    // unary forms
    var $neg { value = -$a }
    var $negnum { value = -5 }
    var $negparen { value = -(5) }
    var $negdec { value = -2.5|abs }
    var $negfilter { value = -$a|abs }
    var $negsum { value = -($a + $b) }
    var $plus { value = +$a }
    var $notnot { value = !!$a }
    var $minusminus { value = 3 - -2 - -$a }
    var $negfield { value = -(5|to_text) }
    // null handling, ternary, elvis
    var $nc { value = $input.data ?? $a ?? 0 }
    var $nc2 { value = ($input.data ?? $a) ?? 0 }
    var $t1 { value = $a > 1 ? "big" : "small" }
    var $t2 { value = $a > 1 ? $b > 1 ? "both" : "a" : "none" }
    var $t3 { value = ($a > 1 ? true : false) ? 1 : 2 }
    var $t4 { value = $a ? $b : $c ? $d : $e }
    var $el { value = $a ?: $b ?: "x" }
    var $el2 { value = ($a ?: $b) ?: "x" }
    var $mix { value = $a ?: $b ? 1 : 2 }
    var $mix2 { value = ($a ? 1 : 2) ?: 3 }
    var $mix3 { value = $a ?? ($b ? 1 : 2) }
    // filters and their arguments
    var $f1 { value = $input.data|get:"a"|get:"b":null }
    var $f2 { value = $input.data|get:"a" ~ "b" }
    var $f3 { value = ($input.data|get:"a") ~ "b" }
    var $f4 { value = "Hi " ~ $input.data|to_text|to_upper }
    var $f5 { value = ($input.data|count) > 0 }
    var $f6 { value = [1, 2, 3]|map:$$ * 2|filter:$$ > 2|reduce:$$ + $result:0 }
    var $f7 { value = $input.data|concat:($a|to_text):" " }
    var $f8 { value = $input.data|get:($a > 1 ? "x" : "y") }
    var $f9 { value = ($a + 1)|to_text }
    var $f10 { value = $a > 1 ? $input.data|first : $b }
    var $f11 { value = $a > 1 ? ($input.data|first) : $b|abs }
    var $f12 { value = !$input.data|is_empty }
    var $f13 { value = !($input.data|is_empty) && $a }
    var $f14 { value = $input.data|!trim|to_lower }
    var $f15 { value = ($input.data|split:",")[2] }
    var $f16 { value = ($input.data|first).id }
    var $f17 { value = $input.data|get:$a + 1 ?? 0 }
    var $f18 { value = ($input.data|get:$a + 1) ?? 0 }
    var $f19 { value = $input.data|set:"k":{a: 1, b: [$a|abs, 2]} }
    var $f20 { value = ($a ? 1 : 2)|to_text }
    var $f21 { value = $input.data|get:-1:-$a }
    var $f22 { value = $input.data|get:!$a }
    var $f23 { value = 5|add:3 }
    var $f24 { value = $input.data|replace:"a":"" }
    var $f25 { value = $input.data|get:""|first_notnull:0 }
    var $f26 { value = `$a % 2 == 0` }
    var $f27 { value = $input.data
      |set:"id":1
      |set:"name":"x"
    }
    // literals
    var $s1 { value = "quote \" backslash \\ tab \t newline \n cr \r bell \a nul \0 del \x7f" }
    var $s2 { value = 'single \' quoted \n stays' }
    var $s3 { value = """
      first line
        indented "line"
      """ }
    var $s4 { value = "unicode é ✓ and dollars $a" }
    var $n1 { value = 0.1 + 1.5 + 100.0 + 0.000001 }
    var $n2 { value = 12345678901234567890 }
    var $n3 { value = 99999999999999999999999999.5 }
    var $n4 { value = 9223372036854775807 }
    var $n5 { value = -9223372036854775807 }
    var $n6 { value = 0.0 }
    var $n7 { value = -0.0 }
    var $n8 { value = 3.14159265358979323846 }
    var $b1 { value = [true, false, null, now] }
    var $o1 { value = {a: 1, "b c": 2, "$d": 3, 7: "seven", "x-y": [], nested: {}, "": ""} }
    var $o2 { value = {...$o1, extra: true, ...{z: 1}} }
    var $o3 { value = {$a: 1, $o1.b: 2, $o1["x"][0]: 3} }
    var $arr { value = [1, ...$g, 9, [2, 3], -1] }
    var $long {
      value = {
        name: "a long object that will not fit on a single line"
        items: [1, 2, 3]
        more: {deep: {deeper: "value"}}
      }
    }
    var $longarr {
      value = [
        "first element of a long list"
        "second element of a long list"
        {k: "v"}
      ]
    }
    // access paths
    var $p1 { value = $input.data.items.0.name }
    var $p2 { value = $input.data["content-type"] }
    var $p3 { value = $input.data."with space".next }
    var $p4 { value = $input.data[$a + 1][-1] }
    var $p5 { value = $input.data.$a }
    var $p6 { value = $input.data.filters }
    var $p7 { value = ($input.data.filters) == 1 }
    var $p8 { value = "abc".length }
    var $p9 { value = [1, 2][0] }
    var $p10 { value = $var.a }
    // typed constants
    var $tc1 { value = !int "42" }
    var $tc2 { value = !decimal "1.5" }
    var $tc3 { value = !json "{\"a\": [1, 2.5, \"x\"], \"b\": null}" }
    var $tc4 { value = !bool "yes" }
    var $tc5 { value = !json "5" }
    var $tc6 { value = !expr "1 + 2 * 3" }
    var $tc7 { value = !object {a: 1} }
    var $tc8 { value = !array [1, 2] }
    var $tc9 { value = !json "123456789012345678901234567890" }
    var $tc10 { value = !text "t" }
    var $tc11 { value = !!json "[1]" }
    // element, index and clock
    var $h1 { value = $input.data|filter:$$.total > 100 && $index < 3|map:$$.id }
    var $h2 { value = $input.data|sort:$$.name:"text":true }
    var $clock { value = now|add_secs_to_timestamp:60 }
    var $nullfilter { value = |to_text }
  }
  response = {a: $a, nc: $nc, list: $arr|count}
}
