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

    public static boolean isEmpty(JsonNode v) {
        return !Operators.truthy(v);
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
