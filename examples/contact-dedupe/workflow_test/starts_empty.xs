// Every test has its own database: the rows another test added are not here.
workflow_test "a test does not see the rows of another test" {
  stack {
    db.query "contact" {
      return = { type: "count" }
    } as $count

    expect.to_equal ($count) {
      value = 0
    }
  }
}
