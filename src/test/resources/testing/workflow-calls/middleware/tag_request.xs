middleware "tag_request" {
  input {
    json vars
    enum type {
      values = ["pre", "post"]
    }
  }

  stack {
    var $tagged {
      value = $input.vars|set:"stage":$input.type
    }
  }

  response = $tagged
}
