// Sends one track event to Segment's HTTP Tracking API with api.request, the way a Xano workspace does it.
function "segment_track_event" {
  description = "Track an analytics event for a user in Twilio Segment"
  input {
    text user_id filters=trim {
      description = "The user the event belongs to"
    }
    text event filters=trim {
      description = "Name of the action, e.g. Video Watched"
    }
    json properties? {
      description = "Free-form properties of the event"
    }
    json context? {
      description = "Extra context such as the page"
    }
    text timestamp? {
      description = "ISO-8601 time of the event; now when omitted"
    }
  }
  stack {
    precondition ($env.segment_write_key != null && $env.segment_write_key != "") {
      error_type = "standard"
      error = "segment_write_key is not set"
    }

    var $sent_at { value = now|format_timestamp:"Y-m-d\\TH:i:s.v\\Z":"UTC" }
    var $timestamp { value = $sent_at }
    conditional {
      if ($input.timestamp != null && $input.timestamp != "") {
        var $timestamp {
          value = $input.timestamp|to_timestamp|format_timestamp:"Y-m-d\\TH:i:s.v\\Z":"UTC"
        }
      }
    }

    var $properties { value = $input.properties ?? {} }
    var $context { value = $input.context ?? {} }
    var $context {
      value = $context|set:"library":{ name: "xsrun-example", version: "1.0" }
    }

    var $payload {
      value = {
        type: "track",
        userId: $input.user_id,
        event: $input.event,
        properties: $properties,
        context: $context,
        timestamp: $timestamp,
        sentAt: $sent_at,
        messageId: "xs-" ~ (""|uuid)
      }
    }

    var $endpoint { value = ($env.segment_endpoint ?? "https://api.segment.io")|trim:"/" }
    api.request {
      url = $endpoint ~ "/v1/track"
      method = "POST"
      params = $payload
      headers = [
        "Content-Type: application/json",
        "Authorization: Basic " ~ ($env.segment_write_key ~ ":")|base64_encode
      ]
      timeout = 15
      mock = {
        "tracks a video event": { response: { status: 200, result: { success: true } } },
        "keeps the given timestamp": { response: { status: 200, result: { success: true } } },
        "reports a refused write key": {
          response: { status: 401, result: { error: "invalid write key" } }
        },
        "reports a server error": { response: { status: 500, result: { error: "unavailable" } } }
      }
    } as $segment

    precondition ($segment.response.status != 401) {
      error_type = "unauthorized"
      error = "Segment refused the write key (401)"
    }
    precondition ($segment.response.status >= 200 && $segment.response.status < 300) {
      error_type = "standard"
      error = "Segment answered " ~ $segment.response.status
      payload = $segment.response.result
    }
  }
  response = {
    success: true,
    user_id: $input.user_id,
    event: $input.event,
    timestamp: $timestamp,
    properties: $properties,
    segment_response: $segment.response.result
  }
  test "tracks a video event" {
    input = {
      user_id: "  user_98765 ",
      event: "Video Watched",
      properties: { video_id: "vid_abc123", percent_watched: 95 },
      context: { page_url: "/tutorials/getting-started" }
    }
    expect.to_be_true ($response.success)
    expect.to_equal ($response.user_id) { value = "user_98765" }
    expect.to_equal ($response.event) { value = "Video Watched" }
    expect.to_equal ($response.properties) {
      value = { video_id: "vid_abc123", percent_watched: 95 }
    }
    expect.to_equal ($response.segment_response) { value = { success: true } }
    expect.to_match ($response.timestamp) {
      value = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"
    }
  }
  test "keeps the given timestamp" {
    input = { user_id: "user_1", event: "Signed Up", timestamp: "2026-05-01T10:15:30+02:00" }
    expect.to_equal ($response.timestamp) { value = "2026-05-01T08:15:30.000Z" }
    expect.to_be_empty ($response.properties)
  }
  test "reports a refused write key" {
    input = { user_id: "user_1", event: "Signed Up" }
    expect.to_throw { value = "Segment refused the write key (401)" }
  }
  test "reports a server error" {
    input = { user_id: "user_1", event: "Signed Up" }
    expect.to_throw { value = "Segment answered 500" }
  }
}
