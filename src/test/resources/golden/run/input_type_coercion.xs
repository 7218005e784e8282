// main.input is bound like function.run: every type coerces per spec 3.6 (text from numbers/bools, int truncates, decimal, bool words, json decodes, timestamp, date, email, uuid, enum)
run.job "input coercion" {
  main = {
    name: "main"
    input: {
      t_from_int: 12
      t_from_decimal: 1.5
      t_from_bool: true
      i_from_text: "7.9"
      i_from_negative: -7.9
      i_from_bool: true
      i_from_empty: ""
      i_padded: " 42 "
      d_from_text: "2"
      d_from_int: 3
      d_from_exp: "1e2"
      b_yes: "yes"
      b_off: "OFF"
      b_one: 1
      b_zero: 0
      b_empty: ""
      j_text_list: "[1,2]"
      j_text_object: "{\"a\":1}"
      j_plain_text: "hello"
      j_empty: ""
      j_number: 5
      ts_digits: "1700000000000"
      ts_number: 1700000000000
      ts_iso: "2024-01-02T03:04:05Z"
      ts_offset: "2024-03-05 10:00:00+0200"
      day: "2024-02-29"
      day_from_datetime: "2024-02-29 13:45:00"
      mail: "someone@example.com"
      id: "123e4567-e89b-12d3-a456-426614174000"
      color: "green"
      secret_word: "pa55-w0rd"
    }
  }
}
---
function "main" {
  input {
    text t_from_int
    text t_from_decimal
    text t_from_bool
    int i_from_text
    int i_from_negative
    int i_from_bool
    int i_from_empty
    int i_padded
    decimal d_from_text
    decimal d_from_int
    decimal d_from_exp
    bool b_yes
    bool b_off
    bool b_one
    bool b_zero
    bool b_empty
    json j_text_list
    json j_text_object
    json j_plain_text
    json j_empty
    json j_number
    timestamp ts_digits
    timestamp ts_number
    timestamp ts_iso
    timestamp ts_offset
    date day
    date day_from_datetime
    email mail
    uuid id
    enum color {
      values = ["red", "green"]
    }
    password secret_word
  }
  stack {
  }
  response = $input
}
