workflow_test "a timestamp that is not a date is refused" {
  stack {
    expect.to_throw {
      stack {
        function.call "segment_track_event" {
          input = { user_id: "user_98765", event: "Video Watched", timestamp: "yesterday-ish" }
        } as $result
      }

      exception = "neither epoch milliseconds nor an ISO-8601 date"
    }
  }
}
