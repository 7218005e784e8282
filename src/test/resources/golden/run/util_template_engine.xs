// util.template_engine renders a Twig subset: {{ expr }}, filters upper/lower/join/length/default, {% if %}, {% for %}, names from the scope and $input (spec 4.13)
run.job "template engine" {
  main = {
    name: "main"
    input: {city: "Oslo"}
  }
}
---
function "main" {
  input {
    text city
  }
  stack {
    var $name { value = "Ann" }
    var $items { value = ["a", "b", "c"] }
    var $flag { value = true }
    var $off { value = false }
    util.template_engine {
      value = "Hi {{ name|upper }} from {{ $input.city }}; {% for i in items %}[{{ i }}]{% endfor %}; n={{ items|length }}; {% if flag %}on{% endif %}{% if off %}OFF{% endif %}; {{ missing|default('none') }}; {{ items|join(',') }}; {{ $var.name|lower }}"
    } as $t
  }
  response = $t
}
