package dev.xsrun.syntax;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The function-call forms of expressions ({@code math.add(5, 3)}, {@code text.contains("ab", "b")},
 * {@code object.keys({a: 1})}). Each is the filter of the same meaning applied to the first argument with
 * the others as the filter's arguments: {@code math.add(5, 3)} is {@code 5|add:3}, so a call builds the
 * same syntax tree node as the filter and the runtime needs nothing of its own.
 */
final class CallForms {
    /** One call form: the filter it applies and how many arguments the call takes. */
    record Form(String filter, int arguments, String parameters) {
    }

    private static final Map<String, Form> FORMS = new LinkedHashMap<>();

    static {
        math("add", "add");
        math("sub", "subtract");
        math("mul", "multiply");
        math("div", "divide");
        math("mod", "modulus");
        for (String n : new String[] {"keys", "values", "entries"}) {
            FORMS.put("object." + n, new Form(n, 1, "object"));
        }
        for (String n : new String[] {"contains", "starts_with", "ends_with", "icontains", "istarts_with", "iends_with"}) {
            FORMS.put("text." + n, new Form(n, 2, "text, search"));
        }
    }

    private CallForms() {
    }

    private static void math(String call, String filter) {
        FORMS.put("math." + call, new Form(filter, 2, "a, b"));
    }

    /** The form called {@code name} ({@code math.add}), or null. */
    static Form lookup(String name) {
        return FORMS.get(name);
    }

    /** Every call name, for suggestions. */
    static Set<String> names() {
        return FORMS.keySet();
    }
}
