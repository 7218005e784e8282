// Seeds the test's own fresh database (the contact table of table/contact.xs, empty at the start of
// every test), runs the dedupe, and checks both its report and what is left in the table.
workflow_test "merges contacts that share an e-mail address" {
  stack {
    db.add "contact" {
      data = { name: "Ada", email: "ada@example.com" }
    } as $ada

    db.add "contact" {
      data = { name: "Alan", email: "alan@example.org" }
    }

    db.add "contact" {
      data = {
        name: "Ada L.",
        email: " ADA@example.com ",
        phone: "555-0100",
        company: "Engines Ltd"
      }
    } as $duplicate

    function.call "dedupe_contacts" as $report
    expect.to_equal ($report.contacts_read) {
      value = 3
    }

    expect.to_equal ($report.removed_ids) {
      value = [$duplicate.id]
    }

    expect.to_equal ($report.merged) {
      value = [
        {
          id: $ada.id,
          email: "ada@example.com",
          phone: "555-0100",
          company: "Engines Ltd",
          merged_count: 1
        }
      ]
    }

    expect.to_equal ($report.remaining) {
      value = 2
    }

    db.query "contact" {
      sort = { id: "asc" }
    } as $left

    expect.to_equal ($left|map:$$.name) {
      value = ["Ada", "Alan"]
    }
  }
}
