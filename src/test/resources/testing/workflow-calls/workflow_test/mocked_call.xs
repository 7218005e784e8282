workflow_test "a mocked api.call does not run the query" {
  stack {
    api.call "greet/{name}" verb=GET {
      api_group = "public"
      input = { name: "nobody" }
      mock = {
        "a mocked api.call does not run the query": { message: "mocked" }
      }
    } as $greeting

    expect.to_equal ($greeting.message) {
      value = "mocked"
    }
  }
}
