// Copies are deep: nested lists, spread elements, pushed values, $input, util.get_all_input and $error copies are all independent of their sources; foreach walks a snapshot even when the list changes (spec 4.0, 4.4)
run.job "deep value semantics" {
  main = {
    name: "main"
    input: {user: {name: "ann", tags: ["a"]}}
  }
}
---
function "main" {
  input {
    json user
  }
  stack {
    var $a { value = [[1], {k: [1]}] }
    var $b { value = $a }
    array.push $a[0] { value = 2 }
    array.push $a[1].k { value = 2 }
    var $item { value = {x: 1} }
    var $spread { value = [...[$item], {...$item}] }
    var $list { value = [] }
    array.push $list { value = $item }
    var.update $item.x { value = "changed" }
    var $me { value = $input.user }
    var.update $me.name { value = "bob" }
    array.push $me.tags { value = "b" }
    util.get_all_input as $all
    var.update $all.user.name { value = "cy" }
    try_catch {
      try {
        throw {
          name = "E"
          value = "original"
        }
      }
      catch {
        var $e { value = $error }
        var.update $e.message { value = "edited copy" }
      }
    }
    var $self { value = [1, 2] }
    array.push $self { value = $self }
    var $walk { value = ["p", "q", "r"] }
    var $seen { value = [] }
    foreach ($walk) {
      each as $w {
        var.update $walk[2] { value = "changed during loop" }
        array.push $seen { value = $w }
      }
    }
  }
  response = {
    a: $a
    b: $b
    spread: $spread
    list: $list
    item: $item
    me: $me
    input_user: $input.user
    all_user_name: $all.user.name
    error_message: $error.message
    e_message: $e.message
    self: $self
    walk: $walk
    seen: $seen
  }
}
