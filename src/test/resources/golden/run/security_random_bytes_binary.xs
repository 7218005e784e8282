// security.random_bytes gives a byte string of exactly `length` bytes, so bin2hex has 2 * length digits and base64 round-trips (spec 4.18, 5.1)
// Today the bytes are stored as ISO-8859-1 text, and byte filters re-encode them as UTF-8 (bin2hex of 16 bytes gives about 44 digits).
run.job "random bytes are binary" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    security.random_bytes { length = 16 } as $b
  }
  response = {
    hex_digits: $b|bin2hex|strlen
    base64_length: $b|base64_encode|strlen
    round_trip: ($b|base64_encode|base64_decode|bin2hex) == ($b|bin2hex)
  }
}
