package dev.xsrun.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * The one owner of XanoScript value rules: type names, truthiness, conversion to text and numbers,
 * loose and strict equality, ordering and arithmetic. Values are Jackson nodes; Java null is never a value.
 */
public final class Values {
    public static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final JsonNode NULL = NullNode.getInstance();
    public static final JsonNode TRUE = BooleanNode.TRUE;
    public static final JsonNode FALSE = BooleanNode.FALSE;
    private static final LongNode[] SMALL = new LongNode[1024 + 128];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new LongNode(i - 128);
        }
    }

    private Values() {
    }

    // ---- construction ----------------------------------------------------------------------

    public static JsonNode of(long v) {
        return v >= -128 && v < 1024 ? SMALL[(int) v + 128] : new LongNode(v);
    }

    public static JsonNode of(double v) {
        return new DoubleNode(v);
    }

    public static JsonNode of(boolean v) {
        return v ? TRUE : FALSE;
    }

    public static JsonNode of(String v) {
        return v == null ? NULL : TextNode.valueOf(v);
    }

    public static JsonNode orNull(JsonNode v) {
        return v == null || v.isMissingNode() ? NULL : v;
    }

    public static ArrayNode list() {
        return F.arrayNode();
    }

    public static ObjectNode object() {
        return F.objectNode();
    }

    /** A deep copy of containers (scalars are immutable and shared). */
    public static JsonNode copy(JsonNode v) {
        return v.isContainerNode() ? v.deepCopy() : v;
    }

    // ---- types -----------------------------------------------------------------------------

    public static boolean isInt(JsonNode v) {
        return v.isIntegralNumber();
    }

    public static boolean isDecimal(JsonNode v) {
        return v.isFloatingPointNumber();
    }

    /** The XanoScript name of a value's type, as used in every message. */
    public static String typeName(JsonNode v) {
        switch (v.getNodeType()) {
            case NULL:
            case MISSING:
                return "null";
            case BOOLEAN:
                return "bool";
            case NUMBER:
                return v.isIntegralNumber() ? "int" : "decimal";
            case STRING:
            case BINARY:
                return "text";
            case ARRAY:
                return "array";
            case OBJECT:
            case POJO:
            default:
                return "object";
        }
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

    public static boolean isEmpty(JsonNode v) {
        return !truthy(v);
    }

    // ---- text ----------------------------------------------------------------------------

    /** Conversion to text as `~`, `to_text` and messages do it (spec 5.8). */
    public static String toText(JsonNode v) {
        switch (v.getNodeType()) {
            case NULL:
            case MISSING:
                return "";
            case BOOLEAN:
                return v.booleanValue() ? "true" : "false";
            case NUMBER:
                return v.isIntegralNumber() ? v.asText() : formatDecimal(v.doubleValue(), 14, 'E');
            case STRING:
                return v.textValue();
            default:
                return Json.encode(v);
        }
    }

    /**
     * PHP's rendering of a float with the given significant digits: integral values without ".0",
     * exponent form ({@code 1.0E+25}) when the exponent is below -4 or at least the precision.
     */
    public static String formatDecimal(double d, int precision, char expLetter) {
        if (Double.isNaN(d)) {
            return "NAN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "INF" : "-INF";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = precision >= 17 ? new BigDecimal(Double.toString(d)) : new BigDecimal(d).round(new java.math.MathContext(precision));
        bd = bd.stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent < -4 || exponent >= (precision >= 17 ? 15 : precision)) {
            String digits = bd.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder();
            if (bd.signum() < 0) {
                sb.append('-');
            }
            sb.append(digits.charAt(0)).append('.');
            sb.append(digits.length() > 1 ? digits.substring(1) : "0");
            sb.append(expLetter).append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
            return sb.toString();
        }
        return bd.toPlainString();
    }

    // ---- numbers --------------------------------------------------------------------------

    /** A numeric view of any value by PHP rules: null/false 0, true 1, numeric or leading-numeric text, else 0. */
    public static JsonNode toNumber(JsonNode v) {
        switch (v.getNodeType()) {
            case NUMBER:
                return v;
            case BOOLEAN:
                return of(v.booleanValue() ? 1 : 0);
            case STRING:
                return parseNumberPrefix(v.textValue(), false);
            case NULL:
            case MISSING:
                return of(0);
            default:
                return null;
        }
    }

    /** The number text starts with (PHP rules), or 0; with {@code whole}, null unless the whole text is numeric. */
    public static JsonNode parseNumberPrefix(String s, boolean whole) {
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        boolean intDigits = i > digitsStart;
        boolean isDecimal = false;
        int beforeFraction = i;
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            if (j > i + 1 || intDigits) {
                isDecimal = j > i + 1 || intDigits;
                i = j;
            }
        }
        if (!intDigits && i == beforeFraction) {
            return whole ? null : of(0);
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expStart = j;
            while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            if (j > expStart) {
                isDecimal = true;
                i = j;
            }
        }
        int end = i;
        if (whole) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i != n) {
                return null;
            }
        }
        String num = s.substring(start, end);
        if (num.endsWith(".")) {
            num = num + "0";
        }
        if (!isDecimal) {
            try {
                return of(Long.parseLong(num.startsWith("+") ? num.substring(1) : num));
            } catch (NumberFormatException overflow) {
                return of(Double.parseDouble(num));
            }
        }
        return of(Double.parseDouble(num));
    }

    /** True when the text is numeric as a whole (PHP is_numeric, surrounding whitespace allowed). */
    public static boolean isNumericText(String s) {
        return parseNumberPrefix(s, true) != null;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    public static long toLong(JsonNode v) {
        JsonNode n = toNumber(v);
        if (n == null) {
            return v.size() > 0 ? 1 : 0;
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0;
        }
        return (long) d;
    }

    public static double toDouble(JsonNode v) {
        JsonNode n = toNumber(v);
        return n == null ? (v.size() > 0 ? 1 : 0) : n.doubleValue();
    }

    /** The number an arithmetic operator sees, or an error naming the operator for lists and objects. */
    public static JsonNode operand(JsonNode v, String op) {
        JsonNode n = toNumber(v);
        if (n == null) {
            throw XsError.fatal("Unsupported operand types: " + typeName(v) + " " + op + " ...");
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
                return of((double) l + (double) r);
            }
            return of(s);
        }
        return of(x.doubleValue() + y.doubleValue());
    }

    public static JsonNode subtract(JsonNode a, JsonNode b) {
        JsonNode x = operand(a, "-");
        JsonNode y = operand(b, "-");
        if (x.isIntegralNumber() && y.isIntegralNumber()) {
            long l = x.longValue();
            long r = y.longValue();
            long s = l - r;
            if (((l ^ r) & (l ^ s)) < 0) {
                return of((double) l - (double) r);
            }
            return of(s);
        }
        return of(x.doubleValue() - y.doubleValue());
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
                return of(lo);
            }
            return of((double) l * (double) r);
        }
        return of(x.doubleValue() * y.doubleValue());
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
                return of(l / r);
            }
            if (r == -1 && l != Long.MIN_VALUE) {
                return of(-l);
            }
        }
        return of(x.doubleValue() / y.doubleValue());
    }

    public static JsonNode modulo(JsonNode a, JsonNode b) {
        long l = toLong(operand(a, "%"));
        long r = toLong(operand(b, "%"));
        if (r == 0) {
            throw XsError.fatal("Modulo by zero");
        }
        if (r == -1) {
            return of(0);
        }
        return of(l % r);
    }

    /** Numeric negation with PHP's int overflow promotion. */
    public static JsonNode negate(JsonNode a) {
        JsonNode x = operand(a, "-");
        if (x.isIntegralNumber()) {
            long l = x.longValue();
            return l == Long.MIN_VALUE ? of(-(double) l) : of(-l);
        }
        return of(-x.doubleValue());
    }

    /** PHP array union: the left side's keys win; missing keys come from the right. */
    public static JsonNode union(JsonNode a, JsonNode b) {
        if (a.isArray()) {
            ArrayNode out = ((ArrayNode) a).deepCopy();
            for (int i = a.size(); i < b.size(); i++) {
                out.add(copy(b.get(i)));
            }
            return out;
        }
        ObjectNode out = ((ObjectNode) a).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = b.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), copy(e.getValue()));
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
            JsonNode parsed = parseNumberPrefix(text, true);
            if (parsed != null) {
                return numEquals(num, parsed);
            }
            return toText(num).equals(text);
        }
        if (ta == JsonNodeType.STRING && tb == JsonNodeType.STRING) {
            String x = a.textValue();
            String y = b.textValue();
            if (x.equals(y)) {
                return true;
            }
            JsonNode nx = parseNumberPrefix(x, true);
            if (nx == null) {
                return false;
            }
            JsonNode ny = parseNumberPrefix(y, true);
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
            a = NULL;
        }
        if (b.isMissingNode()) {
            b = NULL;
        }
        if (a.isNumber() && b.isNumber()) {
            return compareNumbers(a, b);
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
            JsonNode other = parseNumberPrefix(a.isTextual() ? a.textValue() : b.textValue(), true);
            if (other != null) {
                return a.isTextual() ? compareNumbers(other, b) : compareNumbers(a, other);
            }
            return compareText(toText(a), toText(b));
        }
        if (a.isTextual() && b.isTextual()) {
            JsonNode x = parseNumberPrefix(a.textValue(), true);
            JsonNode y = x == null ? null : parseNumberPrefix(b.textValue(), true);
            if (x != null && y != null) {
                return compareNumbers(x, y);
            }
            return compareText(a.textValue(), b.textValue());
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

    public static int compareNumbers(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    /** Code-point order, which equals the byte order of UTF-8. */
    public static int compareText(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    // ---- paths ---------------------------------------------------------------------------

    /** Reads {@code container[key]} with XanoScript's rules: never an error, null when absent. */
    public static JsonNode index(JsonNode container, JsonNode key) {
        if (container.isObject()) {
            JsonNode v = container.get(key.isTextual() ? key.textValue() : toText(key));
            return v == null ? NULL : v;
        }
        if (container.isArray()) {
            long i;
            if (key.isIntegralNumber()) {
                i = key.longValue();
            } else if (key.isNumber()) {
                i = (long) key.doubleValue();
            } else if (key.isTextual() && isIntegerText(key.textValue())) {
                i = Long.parseLong(key.textValue());
            } else {
                return NULL;
            }
            int n = container.size();
            if (i < 0) {
                i += n;
            }
            if (i < 0 || i >= n) {
                return NULL;
            }
            return container.get((int) i);
        }
        if (container.isTextual() && (key.isNumber() || key.isTextual() && isIntegerText(key.textValue()))) {
            String s = container.textValue();
            long i = key.isNumber() ? key.longValue() : Long.parseLong(key.textValue());
            int cps = s.codePointCount(0, s.length());
            if (i < 0) {
                i += cps;
            }
            if (i < 0 || i >= cps) {
                return NULL;
            }
            int start = s.offsetByCodePoints(0, (int) i);
            return TextNode.valueOf(s.substring(start, s.offsetByCodePoints(start, 1)));
        }
        return NULL;
    }

    public static JsonNode field(JsonNode container, String name) {
        if (container.isObject()) {
            JsonNode v = container.get(name);
            return v == null ? NULL : v;
        }
        if (container.isArray() && isIntegerText(name)) {
            return index(container, of(Long.parseLong(name)));
        }
        return NULL;
    }

    public static boolean isIntegerText(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
