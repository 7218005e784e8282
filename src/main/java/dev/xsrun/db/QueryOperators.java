package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.value.Json;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.Iterator;
import java.util.Map;

/**
 * The word and symbol operators of a query ({@code in}, {@code contains}, {@code includes},
 * {@code overlaps}, {@code like}, {@code ilike}, {@code @>}, {@code ~}, {@code between}, each with
 * {@code not}, and their filter forms {@code |contains:} ...) as SQL for either engine. The left side is a
 * table field (or an expression of one), the right side a value of the job, always a bound parameter.
 *
 * <p>Meanings, the same on both engines: {@code in} is one of the list's elements; on a list or json
 * field {@code contains} and {@code includes} hold the value as an element, on a text field
 * {@code contains} is a substring ignoring case and {@code includes} a substring with case;
 * {@code overlaps} shares an element; {@code like} is SQL LIKE with case, {@code ilike} without;
 * {@code @>} is PostgreSQL's JSON containment; {@code ~} a regular expression found in the text.
 * A negated form holds exactly where the positive one does not, so a row whose field is null is
 * matched by {@code not contains}; a null-safe form ({@code in?}) is dropped when the value is null or "".
 */
final class QueryOperators {
    private final WhereSql w;
    private final Engine engine;

    QueryOperators(WhereSql w, Engine engine) {
        this.w = w;
        this.engine = engine;
    }

    /** Whether a query filter of this name is one of the operators written as a filter. */
    static boolean isOperator(String name) {
        switch (name) {
            case "contains":
            case "includes":
            case "overlaps":
            case "between":
                return true;
            default:
                return false;
        }
    }

    /** {@code $db.t.f|contains:v}, {@code |includes:v}, {@code |overlaps:list}, {@code |between:low:high}. */
    WhereSql.Term filter(Expr.DbFilterCall f) {
        int needs = f.name().equals("between") ? 2 : 1;
        if (f.args().size() < needs) {
            throw WhereSql.bad(f.span(), "the filter `" + f.name() + "` needs " + needs + " argument" + (needs == 1 ? "" : "s"));
        }
        if (f.name().equals("between")) {
            return between(f.input(), f.args().get(0), f.args().get(1), false, f.span());
        }
        Expr.DbOp op = f.name().equals("contains") ? Expr.DbOp.CONTAINS : f.name().equals("includes") ? Expr.DbOp.INCLUDES : Expr.DbOp.OVERLAPS;
        return compare(new Expr.DbCompare(op, f.input(), f.args().get(0), false, false, f.span()));
    }

    WhereSql.Term compare(Expr.DbCompare c) {
        WhereSql.Term left = w.term(c.left());
        WhereSql.Term right = w.term(c.right());
        Expr.DbOp op = c.op();
        if (left.isValue() && !right.isValue() && op == Expr.DbOp.IN && collection(right.field())) {
            // `value in $db.t.tags`: the list field holds the value
            WhereSql.Term swap = left;
            left = right;
            right = swap;
            op = Expr.DbOp.CONTAINS;
        }
        if (left.isValue()) {
            throw WhereSql.bad(c.span(), "the left side of `" + op.symbol + "` must read a table field (`$db.TABLE.FIELD`)");
        }
        if (!right.isValue()) {
            throw WhereSql.bad(c.span(), "the right side of `" + op.symbol + "` must be a value, not a table field");
        }
        JsonNode v = right.value();
        if (c.nullSafe() && (v.isNull() || v.isTextual() && v.textValue().isEmpty())) {
            return term("1 = 1");
        }
        String positive = positive(op, left, v, c.span());
        return term(c.negated() ? negate(positive) : positive);
    }

    WhereSql.Term between(Expr value, Expr low, Expr high, boolean negated, SourceSpan at) {
        WhereSql.Term v = w.term(value);
        if (v.isValue()) {
            throw WhereSql.bad(at, "the left side of `between` must read a table field (`$db.TABLE.FIELD`)");
        }
        String lo = bound(w.term(low), v.field());
        String hi = bound(w.term(high), v.field());
        String positive = v.sql() + " BETWEEN " + lo + " AND " + hi;
        return term(negated ? negate(positive) : positive);
    }

    private String bound(WhereSql.Term t, InputField field) {
        return t.isValue() ? w.bind(t.value(), field).sql() : t.sql();
    }

    private static WhereSql.Term term(String sql) {
        return new WhereSql.Term(sql, null, false, null);
    }

    private static String negate(String positive) {
        return "NOT COALESCE(" + positive + ", FALSE)";
    }

    private String positive(Expr.DbOp op, WhereSql.Term left, JsonNode v, SourceSpan at) {
        String col = left.sql();
        InputField f = left.field();
        switch (op) {
            case IN: {
                if (collection(f)) {
                    throw WhereSql.bad(at, "`in` compares a field of one value; `" + f.name() + "` is a list: use `overlaps`");
                }
                if (!v.isArray()) {
                    throw XsError.input("`in` needs a list on its right, got " + Values.typeName(v) + ".", null).at(at);
                }
                if (v.isEmpty()) {
                    return "1 = 0";
                }
                StringBuilder marks = new StringBuilder();
                for (JsonNode e : v) {
                    marks.append(marks.length() > 0 ? ", " : "").append(w.bind(e, f).sql());
                }
                return col + " IN (" + marks + ")";
            }
            case CONTAINS:
            case INCLUDES:
                if (collection(f)) {
                    return holdsElement(col, element(v, f));
                }
                return substring(col, Values.toText(v), op == Expr.DbOp.CONTAINS);
            case OVERLAPS: {
                if (!collection(f)) {
                    throw WhereSql.bad(at, "`overlaps` needs a list or json field on its left");
                }
                if (!v.isArray()) {
                    throw XsError.input("`overlaps` needs a list on its right, got " + Values.typeName(v) + ".", null).at(at);
                }
                ArrayNode elements = Values.list();
                for (JsonNode e : v) {
                    elements.add(element(e, f));
                }
                String list = w.bind(Values.of(Json.encode(elements)), null).sql();
                return engine.postgres()
                        ? col + " @> ANY (ARRAY(SELECT jsonb_build_array(xo.v) FROM jsonb_array_elements(CAST(" + list + " AS JSONB)) AS xo(v)))"
                        : "EXISTS (SELECT 1 FROM json_each(" + col + ") AS xa, json_each(" + list + ") AS xb"
                        + " WHERE typeof(xa.key) = 'integer' AND xa.value = xb.value)";
            }
            case LIKE:
            case ILIKE: {
                String pattern = Values.toText(v);
                boolean ignoreCase = op == Expr.DbOp.ILIKE;
                if (engine.postgres()) {
                    return "CAST(" + col + " AS TEXT) " + (ignoreCase ? "ILIKE" : "LIKE") + " CAST(" + w.bind(Values.of(pattern), null).sql() + " AS TEXT)";
                }
                // SQLite's LIKE ignores case; GLOB keeps it, so a case-sensitive pattern is translated to GLOB
                return ignoreCase ? col + " LIKE " + w.bind(Values.of(pattern), null).sql() + " ESCAPE '\\'"
                        : col + " GLOB " + w.bind(Values.of(glob(pattern)), null).sql();
            }
            case JSON_CONTAINS: {
                if (!collection(f)) {
                    throw WhereSql.bad(at, "`@>` needs a json or list field on its left");
                }
                String doc = w.bind(Values.of(Json.encode(v)), null).sql();
                return engine.postgres() ? col + " @> CAST(" + doc + " AS JSONB)" : SqliteFunctions.JSON_CONTAINS + "(" + col + ", " + doc + ")";
            }
            case REGEX: {
                String pattern = w.bind(Values.of(Values.toText(v)), null).sql();
                return engine.postgres() ? "CAST(" + col + " AS TEXT) ~ CAST(" + pattern + " AS TEXT)" : col + " REGEXP " + pattern;
            }
            default:
                throw WhereSql.bad(at, "`" + op.symbol + "` cannot be used in a database query by xsrun");
        }
    }

    /** The list (or json array) in {@code col} has {@code element} as one of its elements. */
    private String holdsElement(String col, JsonNode element) {
        if (engine.postgres()) {
            return col + " @> CAST(" + w.bind(Values.of("[" + Json.encode(element) + "]"), null).sql() + " AS JSONB)";
        }
        String mark = element.isContainerNode() ? "json(" + w.bind(Values.of(Json.encode(element)), null).sql() + ")" : w.bind(element, null).sql();
        // an array's elements have integer keys; an object's members and a lone scalar do not count
        return "EXISTS (SELECT 1 FROM json_each(" + col + ") AS je WHERE typeof(je.key) = 'integer' AND je.value = " + mark + ")";
    }

    private String substring(String col, String text, boolean ignoreCase) {
        String mark = w.bind(Values.of(text), null).sql();
        if (engine.postgres()) {
            return ignoreCase ? "strpos(LOWER(CAST(" + col + " AS TEXT)), LOWER(CAST(" + mark + " AS TEXT))) > 0"
                    : "strpos(CAST(" + col + " AS TEXT), CAST(" + mark + " AS TEXT)) > 0";
        }
        return ignoreCase ? "instr(LOWER(" + col + "), LOWER(" + mark + ")) > 0" : "instr(" + col + ", " + mark + ") > 0";
    }

    /** A value as an element of a list field: converted to the field's type (a json field takes it as it is). */
    private static JsonNode element(JsonNode v, InputField f) {
        if (f == null || v.isNull() || TableSchema.isJsonType(f.type())) {
            return v;
        }
        switch (f.type()) {
            case "int":
            case "decimal":
            case "timestamp":
            case "bool":
                return WhereSql.convert(v, f);
            default:
                return v.isValueNode() && !v.isTextual() ? Values.of(Values.toText(v)) : v;
        }
    }

    private static boolean collection(InputField f) {
        return f != null && (f.list() || TableSchema.isJsonType(f.type()));
    }

    /** A LIKE pattern (with {@code \} escapes) as the GLOB pattern that matches the same texts. */
    static String glob(String like) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char ch = like.charAt(i);
            if (ch == '\\' && i + 1 < like.length()) {
                literal(out, like.charAt(++i));
            } else if (ch == '%') {
                out.append('*');
            } else if (ch == '_') {
                out.append('?');
            } else {
                literal(out, ch);
            }
        }
        return out.toString();
    }

    private static void literal(StringBuilder out, char ch) {
        if (ch == '*' || ch == '?' || ch == '[') {
            out.append('[').append(ch).append(']');
        } else {
            out.append(ch);
        }
    }

    /**
     * PostgreSQL's {@code jsonb @> jsonb}: an object contains an object whose members it contains; an
     * array contains an array each of whose elements one of its elements contains; at the top level an
     * array also contains a lone scalar it holds; scalars are equal (numbers by value).
     */
    static boolean jsonContains(JsonNode a, JsonNode b, boolean top) {
        if (b.isObject()) {
            if (!a.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = b.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode mine = a.get(e.getKey());
                if (mine == null || !jsonContains(mine, e.getValue(), false)) {
                    return false;
                }
            }
            return true;
        }
        if (b.isArray()) {
            if (!a.isArray()) {
                return false;
            }
            for (JsonNode wanted : b) {
                boolean found = false;
                for (JsonNode have : a) {
                    if (wanted.isContainerNode() ? have.isContainerNode() && jsonContains(have, wanted, false) : scalarEquals(have, wanted)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && top) {
            for (JsonNode have : a) {
                if (scalarEquals(have, b)) {
                    return true;
                }
            }
            return false;
        }
        return scalarEquals(a, b);
    }

    private static boolean scalarEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return !a.isContainerNode() && a.equals(b);
    }
}
