function "profile" {
  input {
    text name
  }

  stack {
    var $result {
      value = {
        greeting: "Hello " ~ $input.name,
        active: true,
        deleted: false,
        removed: null,
        tags: ["new", "featured"],
        errors: [],
        file: "report.pdf",
        phone: "+15551234567",
        created: "2001-09-09T01:46:40+00:00",
        expires: "2999-01-01T00:00:00+00:00"
      }
    }
  }

  response = $result
  test "describes a profile" {
    input = { name: "John" }
    expect.to_start_with ($response.greeting) {
      value = "Hello J"
    }

    expect.to_end_with ($response.file) {
      value = ".pdf"
    }

    expect.to_contain ($response.tags) {
      value = "featured"
    }

    expect.to_contain ($response.greeting) {
      value = "lo Jo"
    }

    expect.to_match ($response.phone) {
      value = "^\\+1\\d{10}$"
    }

    expect.to_be_true ($response.active)
    expect.to_be_false ($response.deleted)
    expect.to_be_null ($response.removed)
    expect.to_not_be_null ($response.greeting)
    expect.to_be_defined ($response.tags)
    expect.to_not_be_defined ($response.nickname)
    expect.to_be_empty ($response.errors)
    expect.to_be_in_the_past ($response.created)
    expect.to_be_in_the_future ($response.expires)
  }
}
