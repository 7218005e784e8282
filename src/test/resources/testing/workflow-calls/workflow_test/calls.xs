workflow_test "calls a query, a task and a middleware of the folder" {
  stack {
    api.call "greet/{name}" verb=GET {
      api_group = "public"
      input = { name: "Ann" }
    } as $greeting

    expect.to_equal ($greeting) {
      value = { message: "Hello, Ann" }
    }

    api.call "/greet/{name}" verb=POST {
      api_group = "public"
      input = { name: "Bo" }
    } as $created

    expect.to_equal ($created.created) {
      value = "Bo"
    }

    task.call "nightly_total" as $task
    db.query "tally" {
      return = { type: "single" }
    } as $tally

    expect.to_equal ($tally.total) {
      value = 42
    }

    middleware.call "tag_request" {
      input = { vars: { user: 7 }, type: "pre" }
    } as $middleware

    expect.to_equal ($middleware) {
      value = { user: 7, stage: "pre" }
    }

    expect.to_throw {
      stack {
        api.call "greet/{name}" verb=GET {
          api_group = "public"
          input = { name: "nobody" }
        } as $missing
      }

      exception = "No such person"
    }
  }
}
