package dev.xsrun.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** JSON in and out with XanoScript's (PHP json_encode) formatting of numbers and strings. */
public final class Json {
    /**
     * The streaming parser's factory. Reading builds trees from its tokens here instead of going through
     * Jackson's ObjectMapper, whose set-up is a good part of a batch run's start-up and whose per-call
     * context is a good part of reading a short line.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Jackson's mapper, built on first use: only printing a literal through it needs one. */
    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private Json() {
    }

    /** A parser over UTF-8 (or UTF-16/32, detected) bytes. */
    public static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** A parser over text. */
    public static JsonParser parser(String json) throws IOException {
        return FACTORY.createParser(json);
    }

    /**
     * The next value from the parser as a tree, or Java null at the end of the input: the tree
     * {@code ObjectMapper.readTree} gives (ints, longs and big integers by size, other numbers as
     * doubles, a repeated key keeps its last value). Leaves the parser on the value's last token.
     */
    public static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        return t == null ? null : value(p, t);
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = Values.object();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    o.replace(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = Values.list();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(value(p, e));
                }
                return a;
            }
            case VALUE_STRING:
                return Values.F.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return Values.F.numberNode(p.getIntValue());
                    case LONG:
                        return Values.F.numberNode(p.getLongValue());
                    default:
                        return Values.F.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return Values.F.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return Values.F.booleanNode(true);
            case VALUE_FALSE:
                return Values.F.booleanNode(false);
            case VALUE_NULL:
                return Values.NULL;
            default:
                throw new JsonParseException(p, "unexpected " + t);
        }
    }

    /** Parses JSON text; throws {@link JsonProcessingException} with the position of the problem. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try (JsonParser p = parser(text)) {
            JsonNode node = read(p);
            return node == null ? Values.NULL : node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonParseException(null, e.getMessage(), e);
        }
    }

    /** Parses JSON text, or returns null (Java null) when it is not valid JSON. */
    public static JsonNode tryParse(String text) {
        try (JsonParser p = parser(text)) {
            JsonNode node = read(p);
            if (node == null || p.nextToken() != null) {
                return null;
            }
            return node;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Parses JSON text that holds an object or a list, or returns null (Java null) when it does not. Text
     * whose first non-blank character opens neither is refused without running the parser, whose
     * exceptions are costly: input binding asks this for every text it might decode.
     */
    public static JsonNode tryParseContainer(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                JsonNode node = tryParse(text);
                return node != null && node.isContainerNode() ? node : null;
            }
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\uFEFF') {
                return null;
            }
        }
        return null;
    }

    /** Compact JSON: no spaces, keys in insertion order, "/" and non-ASCII left as they are. */
    public static String encode(JsonNode v) {
        StringBuilder sb = new StringBuilder(v.isContainerNode() ? 512 : 16);
        write(sb, v, -1, 0);
        return sb.toString();
    }

    /** Appends what {@link #encode} gives for {@code v}. */
    public static void encode(StringBuilder sb, JsonNode v) {
        write(sb, v, -1, 0);
    }

    /** Indented JSON (two spaces), as a job's result is printed. */
    public static String pretty(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, 2, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode v, int indent, int depth) {
        switch (v.getNodeType()) {
            case NULL:
            case MISSING:
                sb.append("null");
                return;
            case BOOLEAN:
                sb.append(v.booleanValue());
                return;
            case NUMBER:
                if (v.isInt() || v.isLong()) {
                    sb.append(v.longValue());
                } else if (v.isIntegralNumber()) {
                    sb.append(v.asText());
                } else {
                    sb.append(number(v.doubleValue()));
                }
                return;
            case STRING:
                quote(sb, v.textValue());
                return;
            case ARRAY: {
                if (v.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                for (int i = 0; i < v.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    newline(sb, indent, depth + 1);
                    write(sb, v.get(i), indent, depth + 1);
                }
                newline(sb, indent, depth);
                sb.append(']');
                return;
            }
            case OBJECT: {
                if (v.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append('{');
                boolean first = true;
                Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    newline(sb, indent, depth + 1);
                    quote(sb, e.getKey());
                    sb.append(indent < 0 ? ":" : ": ");
                    write(sb, e.getValue(), indent, depth + 1);
                }
                newline(sb, indent, depth);
                sb.append('}');
                return;
            }
            default:
                quote(sb, v.asText());
        }
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent >= 0) {
            sb.append('\n');
            for (int i = 0; i < indent * depth; i++) {
                sb.append(' ');
            }
        }
    }

    /** A decimal as json_encode writes it: shortest round-trip digits, integral values keep ".0". */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "0";
        }
        String s = Values.formatDecimal(d, 17, 'e');
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0) {
            s = s + ".0";
        }
        return s;
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        int n = s.length();
        while (plain < n) {
            char c = s.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        // Most texts need no escaping: copy them whole (append(CharSequence, int, int) goes char by char).
        if (plain == n) {
            sb.append(s).append('"');
            return;
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        quote(sb, s);
        return sb.toString();
    }
}
