// The Segment job as it is written on Xano: the same run.job, with the function in XanoScript.
// The write key comes from the environment (segment_write_key) and is never printed.
run.job "Track a Segment event" {
  description = "Send a Video Watched event for one user to Segment's HTTP Tracking API"
  main = {
    name: "segment_track_event",
    input: {
      user_id: "user_98765",
      event: "Video Watched",
      properties: {
        video_id: "vid_abc123",
        video_title: "Getting Started with XanoScript",
        duration_seconds: 342,
        percent_watched: 95,
        quality: "1080p"
      },
      context: {
        page_url: "/tutorials/getting-started",
        referrer: "https://www.google.com"
      }
    }
  }
  env = ["segment_write_key"]
}
