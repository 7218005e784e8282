workflow_test "an event name is required" {
  stack {
    expect.to_throw {
      stack {
        function.call "segment_track_event" {
          input = { user_id: "user_98765" }
        } as $result
      }

      exception = "Missing param: event"
    }
  }
}
