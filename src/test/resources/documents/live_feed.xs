// A query that streams server-sent events: the stream of api.stream has send and close.
query "scores/live" verb=GET {
  api_group = "scores"
  input {
    int match_id
  }
  stack {
    api.stream {
      format = "sse"
    } as $feed
    $feed.send {
      event = "opened"
      data = {match: $input.match_id}
    }
    foreach ([1, 2, 3]) {
      each as $goal {
        $feed.send {
          data = {goal: $goal}
        }
      }
    }
    $feed.close
  }
  response = null
}
