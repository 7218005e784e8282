task "nightly_total" {
  stack {
    function.run "add" {
      input = { a: 40, b: 2 }
    } as $sum

    db.add "tally" {
      data = { total: $sum }
    }
  }
}
