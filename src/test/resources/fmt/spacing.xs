// Messy spacing and indentation become two spaces per level.
function   "spacing"{
description="Spacing around operators, pipes and colons"
	input {
	  int   count?=3
	  text  label? = "x"   filters=trim|lower
	  int[] ids
	  text? note?
	}
  stack{
var $a{value=$input.count*2+1}
      var $b { value = ( $input.label | to_upper ) ~ "!" }
    var $c {value=-$a}
    var $d { value = $a>3&&$b!="X"||!false }
    var $e { value = $input.ids|filter:$$ > 2|map:$$ * 10 }
    var $f { value = $a ?? 0 }
    var $g { value = $a>1?"big":"small" }
    var $h { value = $input.ids[0] }
    var $i { value = ($a|to_text)~"-"~$b }
    var.update $a{value=$a-1}
    debug.log{value=$a}
  }
  response={a:$a,b:$b,c:$c,g:$g}
}
