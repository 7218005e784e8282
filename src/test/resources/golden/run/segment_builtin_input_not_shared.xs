// segment_track_event binds its input without copies (the Builtin contract): what it sends and returns stays as given when the caller changes its own variables afterwards (spec 4.0, 2.3)
run.job "builtin input is the caller's" {
  main = {
    name: "main"
    input: {}
  }
  env = ["segment_write_key"]
}
---
function "main" {
  input {}
  stack {
    var $props { value = {plan: "pro", seats: [1, 2]} }
    var $ctx { value = {ip: "10.0.0.1"} }
    function.run "segment_track_event" {
      input = {user_id: " u-1 ", event: "Upgraded", properties: $props, context: $ctx, timestamp: "2026-01-02T03:04:05.678Z"}
    } as $sent
    var.update $props.plan { value = "changed by caller" }
    array.push $props.seats { value = 3 }
    var.update $ctx.ip { value = "changed" }
    var.update $sent.properties.plan { value = "changed in the result" }
  }
  response = {sent: $sent, props: $props, ctx: $ctx}
}
