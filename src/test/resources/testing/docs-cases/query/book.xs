// db.get mocked per test, a null mock included; the book table is not in this folder and is never read
query "books/{book_id}" verb=GET {
  input {
    int book_id {
      table = "book"
    }
  }

  stack {
    db.get "book" {
      field_name = "id"
      field_value = $input.book_id
      mock = {
        "finds a book": { id: 7, title: "Dune", pages: 412 },
        "a missing book is null": null
      }
    } as $book
  }

  response = $book
  test "finds a book" {
    input = { book_id: 7 }
    expect.to_equal ($response.title) {
      value = "Dune"
    }

    expect.to_be_greater_than ($response.pages) {
      value = 400
    }
  }

  test "a missing book is null" {
    input = { book_id: 8 }
    expect.to_be_null ($response)
  }
}
