run.job "Nightly \"digest\"" {
  description = "Send yesterday's summary"
  main = {
    name: "send_digest"
    input: {
      channel: "#ops"
      max_items: 20
      ratio: -0.5
      nested: {list: [1, "two", true, null, {deep: []}], "odd key": 1}
      typed: !json "{\"n\": 1}"
    }
  }
  pre = {name: "warm_up"}
  post = {name: "cool_down", input: {}}
  env = ["slack_token", "digest_channel"]
  guid = "ignored"
}
