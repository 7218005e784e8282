// An endpoint with an input, a stack, a response and a unit test.
query "shops/{shop_id}/orders" verb=GET {
  api_group = "Shop"
  description = "Orders of one shop, newest first"
  auth = "account"
  input {
    int shop_id
    int page?=1 filters=min:1
  }
  stack {
    db.query purchase {
      where = $db.purchase.shop_id == $input.shop_id
      sort = {"purchase.placed_at": "desc"}
      return = {type: "list", paging: {page: $input.page, per_page: 20}}
      mock = {"lists two orders": [{id: 1}, {id: 2}]}
    } as $orders
    api.call "shops/get" verb=GET {
      api_group = "Shop"
      input = {shop_id: $input.shop_id}
    } as $shop
  }
  response = {shop: $shop, orders: $orders}
  test "lists two orders" {
    input = {shop_id: 7}
    datasource = "test"
    expect.to_equal (($response.orders|count)) {
      value = 2
    }
    expect.to_be_defined ($response.shop)
  }
}
---
api_group "Shop" {
  canonical = "shop-v2"
  description = "Shop endpoints"
  active = true
  swagger = {token: "docs"}
  tags = ["shop"]
}
---
task "nightly_rollup" {
  description = "Adds up yesterday's orders"
  stack {
    redis.incr {
      key = "rollups"
      by = 1
    } as $count
    debug.log {
      value = $count
    }
  }
  schedule = [{starts_on: 2026-01-01 02:30:00+0000, freq: 86400}]
}
---
middleware "require_plan" {
  exception_policy = "rethrow"
  response_strategy = "merge"
  input {
    json vars
  }
  stack {
    precondition ($input.vars != null) {
      error_type = "accessdenied"
      error = "no plan"
    }
  }
  response = $input.vars
}
---
addon "order_total" {
  input {
    int purchase_id
  }
  stack {
    db.query purchase_line {
      where = $db.purchase_line.purchase_id == $input.purchase_id
      return = {type: "count"}
    }
  }
}
---
tool "find_order" {
  instructions = "Looks an order up by its number"
  input {
    int number {
      description = "the order number"
    }
  }
  stack {
    db.get purchase {
      field_name = "number"
      field_value = $input.number
    } as $order
  }
  response = $order
}
