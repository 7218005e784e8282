// Ternary evaluates only the chosen branch; ?? replaces only null (missing paths are null); ?: replaces any falsy value (spec 5.3)
run.job "ternary, ??, ?:" {
  main = {
    name: "main"
    input: {}
  }
}
---
function "main" {
  input {}
  stack {
    var $cfg { value = {retries: 0, name: "", tags: []} }
  }
  response = {
    ternary_true: 1 < 2 ? "yes" : 1 / 0
    ternary_false: 1 > 2 ? 1 / 0 : "no"
    ternary_truthy_text: "0.0" ? "truthy" : "falsy"
    nullish_missing: $cfg.timeout ?? 30
    nullish_zero_kept: $cfg.retries ?? 5
    nullish_empty_kept: $cfg.name ?? "anon"
    nullish_lazy: "set" ?? 1 / 0
    elvis_zero: $cfg.retries ?: 5
    elvis_empty_text: $cfg.name ?: "anon"
    elvis_empty_list: $cfg.tags ?: ["default"]
    elvis_truthy: "kept" ?: "other"
    elvis_lazy: "kept" ?: 1 / 0
  }
}
