package dev.xsrun.filters;

import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Casts and type checks (spec 6.5), plus to_expr, which hands text back to the interpreter. */
final class TypeFilters {
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private TypeFilters() {
    }

    static void register(FilterRegistry r) {
        check(r, "is_array", JsonNode::isArray);
        check(r, "is_bool", JsonNode::isBoolean);
        check(r, "is_decimal", JsonNode::isFloatingPointNumber);
        check(r, "is_empty", Values::isEmpty);
        check(r, "is_int", JsonNode::isIntegralNumber);
        check(r, "is_null", JsonNode::isNull);
        check(r, "is_object", JsonNode::isObject);
        check(r, "is_text", JsonNode::isTextual);
        check(r, "is_uuid", v -> v.isTextual() && UUID.matcher(v.textValue()).matches());
        r.register(filter("to_bool").build(), c -> Values.of(toBool(c.input())));
        r.register(filter("to_decimal").build(), c -> Values.of(Values.toDouble(c.input())));
        r.register(filter("to_expr").build(), c -> Values.orNull(c.runtime().evaluateSource(c.inputText())));
        r.register(filter("to_int").build(), c -> Values.of(Values.toLong(c.input())));
        r.register(filter("to_text").build(), c -> Values.of(Values.toText(c.input())));
    }

    private static void check(FilterRegistry r, String name, Predicate<JsonNode> test) {
        r.register(filter(name).build(), c -> Values.of(test.test(c.input())));
    }

    static boolean toBool(JsonNode v) {
        if (v.isTextual()) {
            String s = TextFilters.lower(v.textValue().trim());
            switch (s) {
                case "":
                case "0":
                case "false":
                case "no":
                case "off":
                    return false;
                default:
                    return true;
            }
        }
        return Operators.truthy(v);
    }
}
