// Each test below would see the one before it if state leaked between tests: the list literal, the
// database rows, or the mock of another test.
function "remember" {
  input {
    text note
  }

  stack {
    var $seen {
      value = []
    }

    array.push $seen {
      value = $input.note
    }

    db.add "note" {
      data = {body: $input.note}
    } as $added

    db.query "note" {
      return = {type: "count"}
    } as $rows

    api.request {
      url = "http://127.0.0.1:9/unreachable"
      method = "GET"
      mock = {
        "first sees only its own note": {response: {result: "first"}},
        "second sees only its own note": {response: {result: "second"}}
      }
    } as $reply
  }

  response = {seen: $seen, rows: $rows, reply: $reply.response.result}
  test "first sees only its own note" {
    input = {note: "a"}
    expect.to_equal ($response) {
      value = {seen: ["a"], rows: 1, reply: "first"}
    }
  }

  test "second sees only its own note" {
    input = {note: "b"}
    expect.to_equal ($response) {
      value = {seen: ["b"], rows: 1, reply: "second"}
    }
  }

  test "an unmocked request in a test after mocked ones is sent" {
    input = {note: "c"}
    expect.to_throw {
      value = "Could not connect"
    }
  }
}
