// math.bitwise.and/or/xor on ints, in place (spec 4.14)
run.job "math bitwise" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $and { value = 12 }
    math.bitwise.and $and { value = 10 }
    var $or { value = 12 }
    math.bitwise.or $or { value = 3 }
    var $xor { value = 12 }
    math.bitwise.xor $xor { value = 10 }
    var $flags { value = {mask: 255} }
    math.bitwise.and $flags.mask { value = 15 }
    var $neg { value = -1 }
    math.bitwise.and $neg { value = 6 }
  }
  response = {and: $and, or: $or, xor: $xor, flags: $flags, neg: $neg}
}
