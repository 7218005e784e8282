package dev.xsrun.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Filters with expression arguments, driven by Java lambdas standing in for the interpreter's
 * evaluation of `$$`, `$index`, `$parent` and `$result`.
 */
class HigherOrderFiltersTest {
    /** Canonical names whose golden cases live here rather than in filter-cases.tsv. */
    static final Set<String> COVERED = Set.of("map", "filter", "find", "findIndex", "some", "every", "reduce", "transform",
            "lambda", "lambda_map", "lambda_filter", "lambda_find", "lambda_findIndex", "lambda_some", "lambda_every",
            "lambda_reduce", "to_expr");

    private static final FilterRegistry R = FilterRegistry.standard();

    private static JsonNode json(String s) {
        return FilterCases.value(s);
    }

    /** Calls a filter whose argument 0 is an expression and whose other arguments are values. */
    private static JsonNode call(String name, String input, Lambda expr, JsonNode... rest) {
        FilterRegistry.Entry e = R.lookup(name);
        JsonNode[] written = new JsonNode[1 + rest.length];
        written[0] = Values.NULL;
        System.arraycopy(rest, 0, written, 1, rest.length);
        JsonNode[] bound = FilterBinder.bind(e.spec(), written);
        Lambda[] lambdas = new Lambda[bound.length];
        lambdas[0] = expr;
        JsonNode in = json(input);
        String before = Json.encode(in);
        JsonNode out = e.body().apply(new FilterCall(name, in, bound, written.length, lambdas, null));
        assertEquals(before, Json.encode(in), "input unchanged");
        return out;
    }

    private static void same(String expected, JsonNode actual) {
        assertEquals(Json.encode(json(expected)), Json.encode(actual));
    }

    @Test
    void mapReadsFieldsAndIndex() {
        same("[1,2]", call("map", "[{\"id\":1},{\"id\":2}]", (self, i, p, r) -> self.get("id")));
        same("[0,1,2]", call("map", "[\"a\",\"b\",\"c\"]", (self, i, p, r) -> i));
        same("[3,3]", call("map", "[1,2]", (self, i, p, r) -> Values.of(p.size() + 1)));
        same("[]", call("map", "null", (self, i, p, r) -> self));
        // objects iterate their values, $index is the key, and keys are kept
        same("{\"a\":\"a1\",\"b\":\"b2\"}", call("map", "{\"a\":1,\"b\":2}",
                (self, i, p, r) -> Values.of(i.textValue() + Values.toText(self))));
    }

    @Test
    void filterFindSomeEvery() {
        Lambda big = (self, i, p, r) -> Values.of(Values.toDouble(self.get("total")) > 100);
        String orders = "[{\"total\":50},{\"total\":150},{\"total\":300}]";
        same("[{\"total\":150},{\"total\":300}]", call("filter", orders, big));
        same("{\"total\":150}", call("find", orders, big));
        same("1", call("findIndex", orders, big));
        same("true", call("some", orders, big));
        same("false", call("every", orders, big));
        same("null", call("find", "[]", big));
        same("-1", call("findIndex", "[1,2]", (self, i, p, r) -> Values.FALSE));
        same("false", call("some", "[]", big));
        same("true", call("every", "[]", big));
        // truthiness: "0" is falsy, "false" is truthy
        same("[\"false\"]", call("filter", "[\"0\",\"false\",\"\"]", (self, i, p, r) -> self));
        same("{\"b\":2}", call("filter", "{\"a\":1,\"b\":2}", (self, i, p, r) -> Values.of(self.asLong() > 1)));
        same("\"b\"", call("findIndex", "{\"a\":1,\"b\":2}", (self, i, p, r) -> Values.of(self.asLong() > 1)));
    }

    @Test
    void reduceTakesExpressionThenInitial() {
        Lambda sum = (self, i, p, r) -> Operators.add(self, r);
        same("10", call("reduce", "[1,2,3,4]", sum, Values.of(0)));
        same("6", call("reduce", "[1,2,3]", sum, Values.of(0)));
        same("5", call("reduce", "[]", sum, Values.of(5)));
        same("\"abc\"", call("reduce", "[\"a\",\"b\",\"c\"]", (self, i, p, r) -> Values.of(Values.toText(r) + Values.toText(self)), Values.of("")));
    }

    @Test
    void transformBindsTheInput() {
        same("20", call("transform", "2", (self, i, p, r) -> Operators.multiply(self, Values.of(10))));
        same("\"x\"", call("transform", "null", (self, i, p, r) -> Values.of("x")));
    }

    @Test
    void sortByExpressionKey() {
        FilterRegistry.Entry e = R.lookup("sort");
        JsonNode[] bound = FilterBinder.bind(e.spec(), new JsonNode[] {Values.NULL, Values.of("number")});
        Lambda key = (self, i, p, r) -> self.get("col");
        JsonNode out = e.body().apply(new FilterCall("sort", json("[{\"col\":3},{\"col\":1},{\"col\":2}]"), bound, 2,
                new Lambda[] {key, null, null}, null));
        same("[{\"col\":1},{\"col\":2},{\"col\":3}]", out);
    }

    @Test
    void toExprAsksTheRuntime() {
        FilterRegistry.Entry e = R.lookup("to_expr");
        FilterRuntime rt = src -> src.equals("(2 + 1) % 2") ? Values.of(1) : Values.NULL;
        same("1", e.body().apply(new FilterCall("to_expr", Values.of("(2 + 1) % 2"), new JsonNode[0], 0, new Lambda[0], rt)));
        XsError err = assertThrows(XsError.class,
                () -> e.body().apply(new FilterCall("to_expr", Values.of("1"), new JsonNode[0], 0, new Lambda[0], null)));
        assertTrue(err.getMessage().contains("not available"));
    }

    @Test
    void javascriptFiltersAreUnsupported() {
        for (String name : new String[] {"lambda", "lambda_map", "lambda_filter", "lambda_find", "lambda_findIndex",
            "lambda_some", "lambda_every"}) {
            FilterRegistry.Entry e = R.lookup(name);
            JsonNode[] bound = FilterBinder.bind(e.spec(), new JsonNode[] {Values.of("return $this;")});
            XsError err = assertThrows(XsError.class, () -> e.body().apply(new FilterCall(name, json("[1]"), bound, 1, new Lambda[2], null)));
            assertEquals("Unsupported filter: " + name + " (JavaScript filters are not available locally)", err.getMessage());
        }
        FilterRegistry.Entry e = R.lookup("lambda_reduce");
        JsonNode[] bound = FilterBinder.bind(e.spec(), new JsonNode[] {Values.of(0), Values.of("return $result + $this;")});
        XsError err = assertThrows(XsError.class, () -> e.body().apply(new FilterCall("lambda_reduce", json("[1]"), bound, 2, new Lambda[3], null)));
        assertTrue(err.getMessage().startsWith("Unsupported filter: lambda_reduce"));
    }
}
