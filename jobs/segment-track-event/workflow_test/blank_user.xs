workflow_test "a blank user_id is refused before anything is sent" {
  stack {
    expect.to_throw {
      stack {
        function.call "segment_track_event" {
          input = { user_id: "   ", event: "Video Watched" }
        } as $result
      }

      exception = "Missing param: user_id"
    }
  }
}
