package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code addon = [{name: "x", input: {id: $output.id}, as: "items.x"}, ..]} of a db statement: for each
 * record of its result, each addon runs (in order) with its {@code input} read with {@code $output} set
 * to that record, and its value is stored in the record at the {@code as} path (docs/database.md,
 * "Addons"). The records are the list's elements, a page's {@code items} or the one record; a leading
 * {@code items.} of the path names them in a list or a page and must be written for a page.
 */
final class AddonFields {
    /** What a statement's result holds: a list of records, a page of them, one record (or null), or no record. */
    enum Shape {
        LIST, PAGE, RECORD, NONE;

        /** The shape of a {@code db.query} result. */
        static Shape of(JsonNode result, boolean paged) {
            if (result.isArray()) {
                return LIST;
            }
            if (paged) {
                return PAGE;
            }
            return result.isObject() || result.isNull() ? RECORD : NONE;
        }
    }

    private static final String ITEMS = "items";

    private AddonFields() {
    }

    private record Entry(String name, UnaryOperator<JsonNode> addon, Expr input, String[] path, Expr asAt) {
    }

    static JsonNode apply(Stmt.Invoke s, Host host, JsonNode result, Shape shape) {
        Expr attribute = s.attribute("addon");
        if (shape == Shape.NONE) {
            throw XsError.source("`addon` adds fields to records, and this " + s.name() + " gives " + Values.typeName(result)
                    + " (return type count or exists): remove `addon` or return records", attribute.span());
        }
        List<Entry> entries = entries(host, attribute, shape);
        List<JsonNode> records = new ArrayList<>();
        if (shape == Shape.LIST) {
            result.forEach(records::add);
        } else if (shape == Shape.PAGE) {
            result.path(ITEMS).forEach(records::add);
        } else if (result.isObject()) {
            records.add(result);
        } else if (!result.isNull()) {
            throw XsError.source("`addon` adds fields to records, and this " + s.name() + " gives " + Values.typeName(result), attribute.span());
        }
        for (Entry e : entries) {
            for (JsonNode record : records) {
                JsonNode input = e.input() == null ? Values.object() : host.addonInput(e.input(), record);
                if (!input.isObject()) {
                    throw XsError.fatal("addon `" + e.name() + "`: `input` must be an object, got " + Values.typeName(input)).at(e.input().span());
                }
                set((ObjectNode) record, e, e.addon().apply(input));
            }
        }
        return result;
    }

    /** The entries of the attribute, each checked before any addon runs. */
    private static List<Entry> entries(Host host, Expr attribute, Shape shape) {
        if (!(attribute instanceof Expr.ArrayLiteral)) {
            throw XsError.source("`addon` is a list written in place: [{name: \"addon\", input: {id: $output.id}, as: \"items.field\"}]", attribute.span());
        }
        List<Entry> out = new ArrayList<>();
        for (Expr.Element el : ((Expr.ArrayLiteral) attribute).elements()) {
            if (!(el.value() instanceof Expr.ObjectLiteral)) {
                throw XsError.source("each addon is an object: {name: \"addon\", input: {id: $output.id}, as: \"items.field\"}", el.value().span());
            }
            Expr name = null;
            Expr input = null;
            Expr as = null;
            for (Expr.Entry e : ((Expr.ObjectLiteral) el.value()).entries()) {
                if ("name".equals(e.key())) {
                    name = e.value();
                } else if ("input".equals(e.key())) {
                    input = e.value();
                } else if ("as".equals(e.key())) {
                    as = e.value();
                } else {
                    throw XsError.source("an addon has `name`, `input` and `as`; `" + (e.key() == null ? "..." : e.key())
                            + "` is none of them", e.value().span());
                }
            }
            if (name == null || as == null) {
                throw XsError.source("this addon needs " + (name == null ? "its `name`" : "`as`, the field its value goes to"), el.value().span());
            }
            String addon = Values.toText(host.eval(name));
            out.add(new Entry(addon, host.addon(addon, name.span()), input, path(Values.toText(host.eval(as)), shape, as), as));
        }
        return out;
    }

    /** The field path inside each record that {@code as} names; a page's must start with {@code items.}. */
    private static String[] path(String as, Shape shape, Expr at) {
        String[] parts = as.split("\\.", -1);
        boolean items = parts.length > 1 && parts[0].equals(ITEMS);
        if (shape == Shape.PAGE && !items) {
            throw XsError.source("`as: \"" + as + "\"`: the records of a paged result are its `items`; write `items." + as + "`", at.span());
        }
        if (items && shape != Shape.RECORD) {
            parts = Arrays.copyOfRange(parts, 1, parts.length);
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                throw XsError.source("`as: \"" + as + "\"` is not a field path such as \"items.comment_count\"", at.span());
            }
        }
        return parts;
    }

    /** Stores the addon's value in the record at the path, making the objects on the way. */
    private static void set(ObjectNode record, Entry e, JsonNode value) {
        ObjectNode at = record;
        for (int i = 0; i < e.path().length - 1; i++) {
            JsonNode next = at.get(e.path()[i]);
            if (next == null || next.isNull()) {
                next = at.putObject(e.path()[i]);
            } else if (!next.isObject()) {
                throw XsError.fatal("addon `" + e.name() + "`: cannot set `" + String.join(".", e.path()) + "`: field `" + e.path()[i]
                        + "` of the record holds " + Values.typeName(next) + ", not an object").at(e.asAt().span());
            }
            at = (ObjectNode) next;
        }
        at.set(e.path()[e.path().length - 1], value);
    }
}
