package dev.xsrun.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The one definition of every operator of the language (spec 5.3-5.8): {@code + - * / % ~ ..},
 * {@code == != === !== < <= > >=}, {@code && || ?? ?:}, unary {@code ! - +}, and truthiness.
 * Compiled expression nodes call these (keeping ints as {@code long} on their own fast paths, which
 * must answer exactly what these do), and so do the filters that are operators under another name
 * ({@code add}, {@code equals}, {@code not}, ...) and the statements that apply one ({@code math.add}).
 */
public final class Operators {
    private Operators() {
    }

    // ---- truthiness -----------------------------------------------------------------------

    /** Falsy: null, false, 0, 0.0, "", "0", [] and {}. */
    public static boolean truthy(JsonNode v) {
        switch (v.getNodeType()) {
            case NULL:
            case MISSING:
                return false;
            case BOOLEAN:
                return v.booleanValue();
            case NUMBER:
                return v.isIntegralNumber() ? v.longValue() != 0 : v.doubleValue() != 0.0;
            case STRING: {
                String s = v.textValue();
                return !(s.isEmpty() || s.equals("0"));
            }
            case ARRAY:
            case OBJECT:
                return v.size() > 0;
            default:
                return true;
        }
    }

    /** The number an arithmetic operator sees, or an error naming the operator for lists and objects. */
    public static JsonNode operand(JsonNode v, String op) {
        JsonNode n = Values.toNumber(v);
        if (n == null) {
            throw XsError.fatal("Unsupported operand types: " + Values.typeName(v) + " " + op + " ...");
        }
        return n;
    }

    // ---- arithmetic -------------------------------------------------------------------------

    public static JsonNode add(JsonNode a, JsonNode b) {
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType()) {
            return union(a, b);
        }
        JsonNode x = operand(a, "+");
        JsonNode y = operand(b, "+");
        if (x.isIntegralNumber() && y.isIntegralNumber()) {
            long l = x.longValue();
            long r = y.longValue();
            long s = l + r;
            if (((l ^ s) & (r ^ s)) < 0) {
                return Values.of((double) l + (double) r);
            }
            return Values.of(s);
        }
        return Values.of(x.doubleValue() + y.doubleValue());
    }

    public static JsonNode subtract(JsonNode a, JsonNode b) {
        JsonNode x = operand(a, "-");
        JsonNode y = operand(b, "-");
        if (x.isIntegralNumber() && y.isIntegralNumber()) {
            long l = x.longValue();
            long r = y.longValue();
            long s = l - r;
            if (((l ^ r) & (l ^ s)) < 0) {
                return Values.of((double) l - (double) r);
            }
            return Values.of(s);
        }
        return Values.of(x.doubleValue() - y.doubleValue());
    }

    public static JsonNode multiply(JsonNode a, JsonNode b) {
        JsonNode x = operand(a, "*");
        JsonNode y = operand(b, "*");
        if (x.isIntegralNumber() && y.isIntegralNumber()) {
            long l = x.longValue();
            long r = y.longValue();
            long hi = Math.multiplyHigh(l, r);
            long lo = l * r;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return Values.of(lo);
            }
            return Values.of((double) l * (double) r);
        }
        return Values.of(x.doubleValue() * y.doubleValue());
    }

    public static JsonNode divide(JsonNode a, JsonNode b) {
        JsonNode x = operand(a, "/");
        JsonNode y = operand(b, "/");
        if (y.doubleValue() == 0) {
            throw XsError.fatal("Division by zero");
        }
        if (x.isIntegralNumber() && y.isIntegralNumber()) {
            long l = x.longValue();
            long r = y.longValue();
            if (r != -1 && l % r == 0) {
                return Values.of(l / r);
            }
            if (r == -1 && l != Long.MIN_VALUE) {
                return Values.of(-l);
            }
        }
        return Values.of(x.doubleValue() / y.doubleValue());
    }

    public static JsonNode modulo(JsonNode a, JsonNode b) {
        long l = Values.toLong(operand(a, "%"));
        long r = Values.toLong(operand(b, "%"));
        if (r == 0) {
            throw XsError.fatal("Modulo by zero");
        }
        if (r == -1) {
            return Values.of(0);
        }
        return Values.of(l % r);
    }

    /** Numeric negation with PHP's int overflow promotion. */
    public static JsonNode negate(JsonNode a) {
        JsonNode x = operand(a, "-");
        if (x.isIntegralNumber()) {
            long l = x.longValue();
            return l == Long.MIN_VALUE ? Values.of(-(double) l) : Values.of(-l);
        }
        return Values.of(-x.doubleValue());
    }

    /** PHP array union: the left side's keys win; missing keys come from the right. */
    public static JsonNode union(JsonNode a, JsonNode b) {
        if (a.isArray()) {
            ArrayNode out = ((ArrayNode) a).deepCopy();
            for (int i = a.size(); i < b.size(); i++) {
                out.add(Values.copy(b.get(i)));
            }
            return out;
        }
        ObjectNode out = ((ObjectNode) a).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = b.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), Values.copy(e.getValue()));
            }
        }
        return out;
    }

    // ---- equality and ordering ------------------------------------------------------------

    /** PHP 8 loose equality (spec 5.3). */
    public static boolean looseEquals(JsonNode a, JsonNode b) {
        JsonNodeType ta = a.getNodeType();
        JsonNodeType tb = b.getNodeType();
        if (ta == JsonNodeType.MISSING) {
            ta = JsonNodeType.NULL;
        }
        if (tb == JsonNodeType.MISSING) {
            tb = JsonNodeType.NULL;
        }
        if (ta == JsonNodeType.BOOLEAN || tb == JsonNodeType.BOOLEAN) {
            return truthy(a) == truthy(b);
        }
        if (ta == JsonNodeType.NULL && tb == JsonNodeType.NULL) {
            return true;
        }
        if (ta == JsonNodeType.NULL || tb == JsonNodeType.NULL) {
            JsonNode other = ta == JsonNodeType.NULL ? b : a;
            if (other.isTextual()) {
                return other.textValue().isEmpty();
            }
            return !truthy(other);
        }
        if (ta == JsonNodeType.NUMBER && tb == JsonNodeType.NUMBER) {
            return numEquals(a, b);
        }
        if (ta == JsonNodeType.NUMBER && tb == JsonNodeType.STRING || ta == JsonNodeType.STRING && tb == JsonNodeType.NUMBER) {
            JsonNode num = ta == JsonNodeType.NUMBER ? a : b;
            String text = ta == JsonNodeType.STRING ? a.textValue() : b.textValue();
            JsonNode parsed = Values.parseNumberPrefix(text, true);
            if (parsed != null) {
                return numEquals(num, parsed);
            }
            return Values.toText(num).equals(text);
        }
        if (ta == JsonNodeType.STRING && tb == JsonNodeType.STRING) {
            String x = a.textValue();
            String y = b.textValue();
            if (x.equals(y)) {
                return true;
            }
            JsonNode nx = Values.parseNumberPrefix(x, true);
            if (nx == null) {
                return false;
            }
            JsonNode ny = Values.parseNumberPrefix(y, true);
            return ny != null && numEquals(nx, ny);
        }
        if (ta == JsonNodeType.ARRAY && tb == JsonNodeType.ARRAY) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!looseEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (ta == JsonNodeType.OBJECT && tb == JsonNodeType.OBJECT) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !looseEquals(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean numEquals(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.longValue() == b.longValue();
        }
        return a.doubleValue() == b.doubleValue();
    }

    /** Strict equality: same type (int and decimal differ) and equal values; objects in the same key order. */
    public static boolean strictEquals(JsonNode a, JsonNode b) {
        if (a.isNull() || a.isMissingNode()) {
            return b.isNull() || b.isMissingNode();
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() != b.isIntegralNumber()) {
                return false;
            }
            return numEquals(a, b);
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!strictEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> x = a.fields();
            Iterator<Map.Entry<String, JsonNode>> y = b.fields();
            while (x.hasNext()) {
                Map.Entry<String, JsonNode> ex = x.next();
                Map.Entry<String, JsonNode> ey = y.next();
                if (!ex.getKey().equals(ey.getKey()) || !strictEquals(ex.getValue(), ey.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Ordering for {@code < <= > >=} and sorting: negative, zero or positive (spec 5.3). */
    public static int compare(JsonNode a, JsonNode b) {
        if (a.isMissingNode()) {
            a = Values.NULL;
        }
        if (b.isMissingNode()) {
            b = Values.NULL;
        }
        if (a.isNumber() && b.isNumber()) {
            return Values.compareNumbers(a, b);
        }
        if (a.isBoolean() || b.isBoolean() || (a.isNull() && !b.isTextual()) || (b.isNull() && !a.isTextual())) {
            if (a.isNull() && b.isNull()) {
                return 0;
            }
            return Boolean.compare(truthy(a), truthy(b));
        }
        if (a.isNull()) {
            a = TextNode.valueOf("");
        }
        if (b.isNull()) {
            b = TextNode.valueOf("");
        }
        if (a.isNumber() && b.isTextual() || a.isTextual() && b.isNumber()) {
            JsonNode other = Values.parseNumberPrefix(a.isTextual() ? a.textValue() : b.textValue(), true);
            if (other != null) {
                return a.isTextual() ? Values.compareNumbers(other, b) : Values.compareNumbers(a, other);
            }
            return Values.compareText(Values.toText(a), Values.toText(b));
        }
        if (a.isTextual() && b.isTextual()) {
            JsonNode x = Values.parseNumberPrefix(a.textValue(), true);
            JsonNode y = x == null ? null : Values.parseNumberPrefix(b.textValue(), true);
            if (x != null && y != null) {
                return Values.compareNumbers(x, y);
            }
            return Values.compareText(a.textValue(), b.textValue());
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            for (int i = 0; i < a.size(); i++) {
                int c = compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (a.isContainerNode() && !b.isContainerNode()) {
            return 1;
        }
        if (!a.isContainerNode() && b.isContainerNode()) {
            return -1;
        }
        return Integer.compare(a.size(), b.size());
    }


    // ---- the operators that are not plain arithmetic or comparison ------------------------------

    /** {@code !v} */
    public static boolean not(JsonNode v) {
        return !truthy(v);
    }

    /** {@code +v}: the number the operand converts to. */
    public static JsonNode plus(JsonNode v) {
        return operand(v, "+");
    }

    /** {@code a && b}, once both sides are known (the node evaluates b only when a is truthy). */
    public static boolean and(JsonNode a, JsonNode b) {
        return truthy(a) && truthy(b);
    }

    /**
     * {@code a || b}, once both sides are known (the node evaluates b only when a is falsy): the left
     * operand when it is truthy, else the right one, as Xano's syntax docs state ({@code 0 || 10} is 10,
     * {@code $x || "default"} the default when $x is null, 0, "" or false). A condition sees the same truth.
     */
    public static JsonNode or(JsonNode a, JsonNode b) {
        return truthy(a) ? a : b;
    }

    /** {@code a < b} */
    public static boolean lessThan(JsonNode a, JsonNode b) {
        return compare(a, b) < 0;
    }

    /** {@code a <= b} */
    public static boolean lessOrEqual(JsonNode a, JsonNode b) {
        return compare(a, b) <= 0;
    }

    /** {@code a > b} */
    public static boolean greaterThan(JsonNode a, JsonNode b) {
        return compare(a, b) > 0;
    }

    /** {@code a >= b} */
    public static boolean greaterOrEqual(JsonNode a, JsonNode b) {
        return compare(a, b) >= 0;
    }

    /** Whether {@code a ?? b} answers b: a is null or absent. */
    public static boolean isNullish(JsonNode a) {
        return a.isNull() || a.isMissingNode();
    }

    /** {@code a ?? b} */
    public static JsonNode nullish(JsonNode a, JsonNode b) {
        return isNullish(a) ? b : a;
    }

    /** {@code a ?: b} */
    public static JsonNode elvis(JsonNode a, JsonNode b) {
        return truthy(a) ? a : b;
    }

    /**
     * Whether a comparison written in its database form ({@code ==?}, {@code <?}, ...) is skipped
     * (answers true) because its right side is null or empty text.
     */
    public static boolean ignoredAsEmpty(JsonNode right) {
        return right.isNull() || right.isTextual() && right.textValue().isEmpty();
    }

    /** {@code a ~ b}: both sides as text; longer than maxChars characters is an execution limit. */
    public static JsonNode concat(JsonNode a, JsonNode b, long maxChars) {
        String x = Values.toText(a);
        String y = Values.toText(b);
        if ((long) x.length() + y.length() > maxChars) {
            throw XsError.fatal("Execution limit exceeded: text longer than " + maxChars + " characters");
        }
        return Values.of(x.concat(y));
    }

    /** {@code a..b}: the ints from a to b, up or down; more than maxElements is an execution limit. */
    public static JsonNode range(JsonNode a, JsonNode b, long maxElements) {
        long from = Values.toLong(a);
        long to = Values.toLong(b);
        long count = Math.abs(to - from) + 1;
        if (count > maxElements) {
            throw XsError.fatal("Execution limit exceeded: range " + from + ".." + to + " is too large");
        }
        ArrayNode out = Values.list();
        if (from <= to) {
            for (long i = from; i <= to; i++) {
                out.add(Values.of(i));
            }
        } else {
            for (long i = from; i >= to; i--) {
                out.add(Values.of(i));
            }
        }
        return out;
    }
}
