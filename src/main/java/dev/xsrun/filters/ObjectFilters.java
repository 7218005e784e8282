package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.ArgType.BOOL;
import static dev.xsrun.filters.ArgType.LIST;
import static dev.xsrun.filters.ArgType.PATH;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;

/** The object family (spec 6.3): path reads and writes, keys and entries, fallbacks. */
final class ObjectFilters {
    private ObjectFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("create_object").arg("values", LIST).build(), c -> {
            JsonNode keys = ListFilters.list(c);
            JsonNode values = c.arg(0);
            if (keys.size() != values.size()) {
                throw c.error("the keys and values must have the same number of elements");
            }
            ObjectNode out = Values.object();
            for (int i = 0; i < keys.size(); i++) {
                out.set(Values.toText(keys.get(i)), Values.copy(values.get(i)));
            }
            return out;
        });
        r.register(filter("create_object_from_entries").build(), c -> {
            ObjectNode out = Values.object();
            for (JsonNode e : ListFilters.list(c)) {
                if (e.isObject() && e.has("key")) {
                    out.set(Values.toText(e.get("key")), Values.copy(Values.orNull(e.get("value"))));
                } else if (e.isArray() && e.size() >= 1) {
                    out.set(Values.toText(e.get(0)), Values.copy(Values.orNull(e.get(1))));
                } else {
                    throw c.error("each entry must be an object with key and value");
                }
            }
            return out;
        });
        r.register(filter("entries").build(), c -> {
            ArrayNode out = Values.list();
            JsonNode in = ListFilters.container(c);
            if (in.isArray()) {
                for (int i = 0; i < in.size(); i++) {
                    out.addObject().put("key", i).set("value", Values.copy(in.get(i)));
                }
            } else {
                in.fields().forEachRemaining(e -> out.addObject().put("key", e.getKey()).set("value", Values.copy(e.getValue())));
            }
            return out;
        });
        r.register(filter("first_notempty").arg("alternative", ANY).build(),
                c -> Operators.truthy(c.input()) ? c.input() : c.arg(0));
        r.register(filter("first_notnull").arg("alternative", ANY).build(),
                c -> c.input().isNull() ? c.arg(0) : c.input());
        r.register(filter("get").arg("path", PATH).opt("default", ANY, Values.NULL).build(), ObjectFilters::get);
        r.register(filter("has").arg("path", PATH).build(), c -> Values.of(Paths.read(c.input(), Paths.segments(c.arg(0))) != null));
        r.register(filter("keys").build(), c -> {
            ArrayNode out = Values.list();
            JsonNode in = ListFilters.container(c);
            if (in.isArray()) {
                for (int i = 0; i < in.size(); i++) {
                    out.add(Values.of(i));
                }
            } else {
                in.fieldNames().forEachRemaining(out::add);
            }
            return out;
        });
        r.register(filter("set").arg("path", PATH).arg("value", ANY).build(), c -> set(c, true));
        r.register(filter("set_conditional").arg("path", PATH).arg("value", ANY).arg("condition", BOOL).build(),
                c -> set(c, c.bool(2)));
        r.register(filter("set_ifnotempty").arg("path", PATH).arg("value", ANY).build(), c -> set(c, Operators.truthy(c.arg(1))));
        r.register(filter("set_ifnotnull").arg("path", PATH).arg("value", ANY).build(), c -> set(c, !c.arg(1).isNull()));
        r.register(filter("unset").arg("path", PATH).build(), c -> {
            JsonNode in = target(c);
            return Paths.remove(in, Paths.segments(c.arg(0)));
        });
        r.register(filter("values").build(), c -> {
            ArrayNode out = Values.list();
            Paths.elements(ListFilters.container(c)).forEach(v -> out.add(Values.copy(v)));
            return out;
        });
    }

    private static JsonNode target(FilterCall c) {
        JsonNode in = c.input();
        if (in.isNull()) {
            return Values.object();
        }
        if (!in.isContainerNode()) {
            throw c.unsupported();
        }
        return in;
    }

    private static JsonNode set(FilterCall c, boolean when) {
        JsonNode in = target(c);
        if (!when) {
            return in;
        }
        return Paths.write(in, Paths.segments(c.arg(0)), Values.copy(c.arg(1)));
    }

    private static JsonNode get(FilterCall c) {
        JsonNode in = c.input();
        JsonNode path = c.arg(0);
        JsonNode v = Paths.read(in, Paths.segments(path));
        if (v != null && !v.isNull()) {
            return v;
        }
        if (in.isArray() && path.isTextual() && !Values.isIntegerText(path.textValue())) {
            JsonNode header = header(in, path.textValue());
            if (header != null) {
                return header;
            }
        }
        return c.arg(1);
    }

    /** A raw header line "Name: value" whose name matches case-insensitively (api.request response headers). */
    private static JsonNode header(JsonNode lines, String name) {
        String want = name.trim();
        for (JsonNode line : lines) {
            if (!line.isTextual()) {
                return null;
            }
            String s = line.textValue();
            int colon = s.indexOf(':');
            if (colon > 0 && s.substring(0, colon).trim().equalsIgnoreCase(want)) {
                return Values.of(s.substring(colon + 1).trim());
            }
        }
        return null;
    }
}
