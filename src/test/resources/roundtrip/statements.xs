// Every statement kind, written loosely so that the canonical form differs from the source.
function "roundtrip/statements" {
  description = "statements"
  input {
    json items?
  }
  stack {
    var $cart { value = {items: [{qty: 1}], note: null} }
    var $var.total { value = 0 }
    var.update $cart.items[0].qty { value = 2 }
    var.update $cart.items.0.qty { value = 3 }
    var.update $cart."odd key" { value = "x" }
    var.update $cart["other key"][$total + 1] { value = 7 }
    var.update $cart.$total { value = 8 }
    var $multi {
      value = 1
      description = "kept out of the tree"
    }
    conditional {
      description = "classify"
      if ($total >= 90) {
        var $grade { value = "A" }
      }
      elseif ($total >= 75) {
        var $grade { value = "B" }
      }
      elseif ($total >= 50) {
      }
      else {
        var $grade { value = "C" }
      }
    }
    conditional {
      if (true) {}
    }
    switch ($total) {
      case (1) {
        var $r { value = "one" }
      } break
      case (2) {
        var $r { value = "two, falls through" }
      }
      case ("3") {
      } break
      default {
        throw {
          name = "BadOp"
          value = "unknown " ~ $total
        }
      } break
    }
    switch ($total|to_text) {
      case ($total > 1 ? "a" : "b") {
        var $r { value = 1 }
      }
    }
    foreach ($input.items) {
      each as $item {
        conditional {
          if ($item == null) {
            continue
          }
          elseif ($item == "stop") {
            break
          }
          elseif ($item == "drop") {
            remove
          }
        }
        math.add $total { value = $item.total }
      }
    }
    foreach $cart.items {
      each {
        debug.log { value = "no item variable" }
      }
    }
    for (3) {
      description = "three times"
      each as $i {
        debug.log { value = "attempt " ~ ($i + 1) }
      }
    }
    var $n { value = 1 }
    while ($n < 100) {
      each {
        var.update $n { value = $n * 2 }
        conditional {
          if ($n > 50) {
            break
          }
        }
      }
    }
    precondition ($total > 0 && $total <= 100) {
      error_type = "inputerror"
      error = "total must be between 1 and 100"
      payload = {total: $total}
    }
    precondition ($n > 0)
    precondition ($n > 1) {
      error = "standard by default"
    }
    precondition ($n > 2) {
      error_type = "validation"
    }
    throw { name = "Quota", value = "limit " ~ $n }
    try_catch {
      try {
        function.run "charge_card" {
          input = {amount: $total}
        } as $charge
      }
      catch {
        debug.log { value = "charge failed: " ~ $error.message }
      }
      finally {
        math.add $n { value = 1 }
      }
    }
    try_catch {
      try {
      }
      catch {
      }
    }
    group {
      description = "grouped"
      stack {
        var $inside { value = true }
      }
    }
    function.run utils/format_money { input = {} } as $money
    function.call "plain"
    function.run 'quoted' as $q
    function.run "as/before" as $early {
      input = {a: 1}
    }
    api.request {
      url = "https://api.example.test/v2/contacts"
      method = "POST"
      params = {email: "a@b.test", tags: ["trial"]}
      headers = [
        "Content-Type: application/json"
        "Authorization: Bearer " ~ $env.crm_token
      ]
      timeout = 30
    } as $crm
    debug.log {
      value = $crm.response.status
    }
    math.add $cart.hits { value = 1 }
    math.bitwise.xor $n { value = 3 }
    array.push $cart.items { value = {qty: 4} }
    array.pop $cart.items as $last
    array.find ($cart.items) if ($$.qty > 1) as $found
    array.find $cart.items if ($this.qty > 1) as $found2
    array.filter ([1, 2, 3]) if ($$ > $index) as $big
    array.map ($cart.items) {
      by = $$.qty * 2
    } as $doubled
    array.union ($cart.items) {
      value = [{qty: 9}]
      by = $$.qty
    } as $all
    text.contains $grade { value = "A" } as $has_a
    text.append $grade { value = "+" }
    object.keys { value = $cart } as $keys
    security.create_uuid as $uuid
    security.random_number { min = 1 max = 6 } as $die
    util.get_env as $environment
    util.sleep { value = 0.5 }
    util.post_process {
      stack {
        debug.log { value = "after" }
      }
    }
    db.query "user" {
      where = $db.user.id == 1 && $db.user.age >= 18
      return = {type: "list"}
    } as $rows
    db.get user {
      field_name = "id"
      field_value = 1
    } as $user
    db.transaction {
      stack {
        db.del "session" { field_name = "user_id" field_value = $user.id }
      }
    }
    redis.set {
      key = "k"
      data = 1
      ttl = 60
    }
    db.has ("user") as $exists
    storage.create_attachment ($input.items) as $att
    cloud.aws.s3.upload_file "bucket/key" if ($n > 1) as $up
    !var $off { value = 1 }
    !debug.log { value = "disabled with a bang" }
    debug.log {
      value = "disabled by attribute"
      disabled = true
    }
    var $off2 {
      value = 2
      disabled = true
    }
    !conditional {
      if ($n) {
        !var.update $n { value = 0 }
      }
    }
    foreach ([1]) {
      each as $x {
        !break
      }
    }
    return { value = $total }
  }
  response = null
}
