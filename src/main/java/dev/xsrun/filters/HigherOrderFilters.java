package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.ArgType.EXPR;
import static dev.xsrun.filters.ArgType.INT;
import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Filters whose argument is an unevaluated expression (spec 5.6, 6.11), evaluated per element with
 * $$/$this, $index, $parent and $result bound. The JavaScript lambda_* family cannot run locally.
 */
final class HigherOrderFilters {
    private HigherOrderFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("every").arg("expression", EXPR).build(), c -> {
            for (Item it : items(c)) {
                if (!Operators.truthy(eval(c, 0, it, null))) {
                    return Values.FALSE;
                }
            }
            return Values.TRUE;
        });
        r.register(filter("filter").arg("expression", EXPR).build(), c -> {
            List<Item> items = items(c);
            if (c.input().isObject()) {
                ObjectNode out = Values.object();
                for (Item it : items) {
                    if (Operators.truthy(eval(c, 0, it, null))) {
                        out.set(it.index.textValue(), Values.copy(it.value));
                    }
                }
                return out;
            }
            ArrayNode out = Values.list();
            for (Item it : items) {
                if (Operators.truthy(eval(c, 0, it, null))) {
                    out.add(Values.copy(it.value));
                }
            }
            return out;
        });
        r.register(filter("find").arg("expression", EXPR).build(), c -> {
            for (Item it : items(c)) {
                if (Operators.truthy(eval(c, 0, it, null))) {
                    return it.value;
                }
            }
            return Values.NULL;
        });
        r.register(filter("findIndex").arg("expression", EXPR).build(), c -> {
            for (Item it : items(c)) {
                if (Operators.truthy(eval(c, 0, it, null))) {
                    return it.index;
                }
            }
            return Values.of(-1);
        });
        javascript(r, "lambda", false);
        javascript(r, "lambda_every", false);
        javascript(r, "lambda_filter", false);
        javascript(r, "lambda_find", false);
        javascript(r, "lambda_findIndex", false);
        javascript(r, "lambda_map", false);
        javascript(r, "lambda_reduce", true);
        javascript(r, "lambda_some", false);
        r.register(filter("map").arg("expression", EXPR).build(), c -> {
            List<Item> items = items(c);
            if (c.input().isObject()) {
                ObjectNode out = Values.object();
                for (Item it : items) {
                    out.set(it.index.textValue(), Values.copy(eval(c, 0, it, null)));
                }
                return out;
            }
            ArrayNode out = Values.list();
            for (Item it : items) {
                out.add(Values.copy(eval(c, 0, it, null)));
            }
            return out;
        });
        r.register(filter("reduce").arg("expression", EXPR).arg("initial", ANY).build(), c -> {
            JsonNode acc = c.arg(1);
            for (Item it : items(c)) {
                acc = eval(c, 0, it, acc);
            }
            return acc;
        });
        r.register(filter("some").arg("expression", EXPR).build(), c -> {
            for (Item it : items(c)) {
                if (Operators.truthy(eval(c, 0, it, null))) {
                    return Values.TRUE;
                }
            }
            return Values.FALSE;
        });
        r.register(filter("transform").arg("expression", EXPR).build(),
                c -> Values.orNull(c.lambda(0).apply(c.input(), null, null, null)));
    }

    private record Item(JsonNode value, JsonNode index) {
    }

    private static List<Item> items(FilterCall c) {
        JsonNode in = c.input();
        List<Item> out = new ArrayList<>();
        if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                out.add(new Item(in.get(i), Values.of(i)));
            }
        } else if (in.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = in.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Item(e.getValue(), Values.of(e.getKey())));
            }
        } else if (!in.isNull()) {
            throw c.unsupported();
        }
        return out;
    }

    private static JsonNode eval(FilterCall c, int arg, Item it, JsonNode result) {
        return Values.orNull(c.lambda(arg).apply(it.value, it.index, c.input(), result));
    }

    private static void javascript(FilterRegistry r, String name, boolean initialFirst) {
        FilterSpec.Builder b = filter(name);
        if (initialFirst) {
            b.arg("initial", ANY);
        }
        b.arg("code", TEXT).opt("timeout", INT, Values.of(10));
        r.register(b.build(), c -> {
            throw XsError.fatal("Unsupported filter: " + name + " (JavaScript filters are not available locally)");
        });
    }
}
