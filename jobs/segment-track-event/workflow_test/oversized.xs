workflow_test "a message over 32 KB is refused before sending" {
  stack {
    expect.to_throw {
      stack {
        function.call "segment_track_event" {
          input = {
            user_id: "user_98765",
            event: "Video Watched",
            properties: { ids: (1|range:1:9000)|join:"," }
          }
        } as $result
      }

      exception = "Segment accepts at most 32768 bytes per message"
    }
  }
}
