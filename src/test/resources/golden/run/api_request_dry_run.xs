// With --dry-run nothing is sent; the request part of the result shows the upper-cased method, headers in order, Content-Type: application/json added for a JSON body, and params as evaluated (spec 4.11 request construction, 9 #16, CLI --dry-run)
run.job "api.request dry run" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    api.request {
      url = "https://api.example.test/v2/contacts"
      method = "post"
      params = {email: "a@b.co", tags: ["trial"]}
      headers = ["X-Trace: 1"]
    } as $r
  }
  response = {request: $r.request, status_is_int: $r.response.status|is_int, body_is_null: $r.response.body}
}
