// Constructs made of settings only, and the trigger kinds.
agent "Helper" {
  canonical = "helper-a1"
  description = "Answers order questions"
  llm = {type: "openai", model: "gpt-test", system_prompt: "Be brief.", max_steps: 4}
  tools = [{name: "find_order"}]
}
---
// structured output: the fields the answer must have
agent "Grader" {
  canonical = "grader-b2"
  llm = {
    type: "openai"
    model: "gpt-test"
    structured_outputs: true
    output {
      enum grade {
        values = ["pass", "fail"]
      }
      int score? filters=min:0|max:10
      text[] notes
    }
  }
  tools = []
}
---
mcp_server "Orders MCP" {
  canonical = "orders-mcp"
  instructions = "Order lookups"
  tags = ["orders"]
  tools = [{name: "find_order"}]
}
---
realtime_channel "room:*" {
  active = true
  public_messaging = {active: true, auth: false}
  private_messaging = {active: false}
  settings = {anonymous_clients: false, presence: true, message_history: 25}
}
---
workspace "shop" {
  description = "The shop workspace"
  env = {currency: "EUR"}
  preferences = {sql_names: false}
}
---
branch "staging" {
  color = "#33aa77"
  middleware = {query: {pre: ["require_plan"], post: []}}
  history = {query: 100, function: false}
}
---
run.service "mail relay" {
  pre = {name: "relay_init", input: {port: 2525}}
  env = ["relay_key"]
}
---
table_trigger "purchase_audit" {
  table = "purchase"
  actions = {insert: true, update: true, delete: false, truncate: false}
  datasources = ["live"]
  input {
    json new
    json old
    enum action {
      values = ["insert", "update", "delete", "truncate"]
    }
    text datasource
  }
  stack {
    debug.log {
      value = $input.action
    }
  }
}
---
realtime_trigger "room_join" {
  channel = "room:*"
  actions = {message: false, join: true}
  input {
    enum action {
      values = ["message", "join"]
    }
    text channel
  }
  stack {
    var $who {
      value = $input.channel
    }
  }
  response = $who
}
---
workspace_trigger "on_merge" {
  actions = {branch_merge: true}
  stack {
    debug.log {
      value = "merged"
    }
  }
}
---
agent_trigger "helper_connect" {
  agent = "Helper"
  actions = {connection: true}
  stack {
    var $ok {
      value = true
    }
  }
  response = $ok
}
---
mcp_server_trigger "orders_connect" {
  mcp_server = "Orders MCP"
  actions = {connection: true}
  stack {
    var $ok {
      value = true
    }
  }
  response = $ok
}
---
workflow_test "order round trip" {
  datasource = "test"
  tags = ["orders"]
  stack {
    function.call "order_total" {
      input = {purchase_id: 3}
    } as $total
    expect.to_be_greater_than ($total) {
      value = 0
    }
    expect.to_throw {
      stack {
        task.call "nightly_rollup"
      }
      exception = "boom"
    }
  }
}
---
function "tested_double" {
  input {
    int n
  }
  stack {
    api.request {
      url = "https://example.test/slow"
      async = true
    } as $pending
    await $pending as $answer
    var $twice {
      value = $input.n * 2
    }
  }
  response = $twice
  test "doubles" {
    input = {n: 4}
    expect.to_equal ($response) {
      value = 8
    }
  }
}
