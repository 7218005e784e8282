// More coercions of spec 3.6: integral decimal to text "12", bool words in any case, int from exponent text, decimal from bool, date from epoch ms (UTC), timestamp from a date and from now, json keeps scalar texts, enum compares as text
run.job "input coercion, more" {
  main = {
    name: "main"
    input: {
      t12: 12.0
      b_upper: "TRUE"
      b_mixed: "Off"
      i_exp: "1e3"
      d_bool: true
      day_ms: 1700000000000
      ts_date: "2024-01-02"
      ts_now: "now"
      j_num_text: "5"
      j_true_text: "true"
      spaces: " "
      en: 2
    }
  }
}
---
function "main" {
  input {
    text t12
    bool b_upper
    bool b_mixed
    int i_exp
    decimal d_bool
    date day_ms
    timestamp ts_date
    timestamp ts_now
    json j_num_text
    json j_true_text
    text spaces
    enum en {
      values = ["1", "2"]
    }
  }
  stack {
  }
  response = {
    t12: $input.t12
    b_upper: $input.b_upper
    b_mixed: $input.b_mixed
    i_exp: $input.i_exp
    d_bool: $input.d_bool
    day_ms: $input.day_ms
    ts_date: $input.ts_date
    ts_now_is_int: $input.ts_now|is_int
    ts_now_recent: $input.ts_now > 1700000000000
    j_num_text: $input.j_num_text
    j_true_text: $input.j_true_text
    spaces: $input.spaces
    en_matches: $input.en == "2"
  }
}
