function "roundtrip/inputs" {
  input {
    text name
    text? nullable_name
    text optional_name?
    text? both?
    text lang?="en"
    text bare = "x"
    text word_default?=hello
    int count?=10
    int below?=-5
    decimal ratio?=0.25
    bool flag?=false
    json anything?=null
    json list_default?=[]
    json object_default?={}
    timestamp when?=now
    text[] tags
    int[1:5] picks
    int[2:] at_least_two
    int[:3] at_most_three
    text[]? maybe_tags?
    text email_text filters=trim|lower
    text code? filters=trim|min:3|max:10 { description = "a code" }
    text zip filters=pattern:^\d{5}$
    text odd filters=pattern:"a b":"bad value" {
      description = "filter arguments that need quotes"
    }
    text empty_arg filters=pattern::msg
    password secret filters=min:8|minDigit:1 {
      description = "kept secret"
      sensitive = true
    }
    email address filters=trim|lower
    enum status {
      values = ["new", "done", 3]
    }
    enum? status2?="new" {
      values = ["new", "done"]
      description = "an enum with a default"
    }
    object[] items {
      description = "line items"
      schema {
        text sku filters=trim
        int qty?=1
        object meta? {
          schema {
            text note?
          }
        }
      }
    }
    object single {
      schema {
        bool ok
      }
    }
    int table_ref? {
      table = "user"
      description = "table is not kept"
    }
    vector embedding {
      size = 3
    }
    dblink {
      table = "user"
    }
  }
  stack {
  }
  response = $input
}
