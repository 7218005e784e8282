// A required text refuses "" before the stack runs; an optional one lets the stack's own check answer.
function "rename" {
  input {
    text label
    text note?
  }

  stack {
    precondition (($input.note|is_null) || ($input.note|strlen) > 0) {
      error_type = "inputerror"
      error = "A note cannot be blank"
    }
  }

  response = { label: $input.label, note: $input.note }
  test "a blank required label never reaches the stack" {
    input = { label: "", note: "fine" }
    expect.to_throw {
      value = "Missing param: label"
    }
  }

  test "a blank optional note meets the stack's own check" {
    input = { label: "a", note: "" }
    expect.to_throw {
      value = "A note cannot be blank"
    }
  }

  test "an omitted optional note is null" {
    input = { label: "a" }
    expect.to_equal ($response) {
      value = { label: "a", note: null }
    }
  }
}
