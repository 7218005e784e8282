package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.ArgType.LIST;
import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Encodings and data formats (spec 6.7): JSON, base64, URLs and query strings, YAML, XML, CSV, hex. */
final class EncodingFilters {
    /** yaml_encode/yaml_decode are the only users of jackson-dataformat-yaml; built on first use, not at start-up. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build()).build();
    }

    private EncodingFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("base64_decode").build(), c -> base64Decode(c.inputText(), false));
        r.register(filter("base64_decode_urlsafe").build(), c -> base64Decode(c.inputText(), true));
        r.register(filter("base64_encode").build(),
                c -> Values.of(Base64.getEncoder().encodeToString(Bytes.of(text(c)))));
        r.register(filter("base64_encode_urlsafe").build(),
                c -> Values.of(Base64.getUrlEncoder().withoutPadding().encodeToString(Bytes.of(text(c)))));
        r.register(filter("bin2hex").build(), c -> Values.of(hex(Bytes.of(text(c)))));
        r.register(filter("csv_create").arg("rows", LIST).opt("separator", TEXT, Values.of(","))
                .opt("enclosure", TEXT, Values.of("\"")).opt("escape", TEXT, Values.of("\"")).build(), c -> {
                    StringBuilder sb = new StringBuilder();
                    Csv csv = Csv.of(c, 1);
                    csv.writeRow(sb, ListFilters.list(c));
                    for (JsonNode row : c.arg(0)) {
                        csv.writeRow(sb, row);
                    }
                    return Values.of(sb.toString());
                });
        r.register(filter("csv_decode").opt("separator", TEXT, Values.of(",")).opt("enclosure", TEXT, Values.of("\""))
                .opt("escape", TEXT, Values.of("\"")).build(), c -> {
                    ArrayNode out = Values.list();
                    for (List<String> row : Csv.of(c, 0).parse(c.inputText())) {
                        ArrayNode a = out.addArray();
                        row.forEach(a::add);
                    }
                    return out;
                });
        r.register(filter("csv_encode").opt("separator", TEXT, Values.of(",")).opt("enclosure", TEXT, Values.of("\""))
                .opt("escape", TEXT, Values.of("\"")).build(), c -> {
                    StringBuilder sb = new StringBuilder();
                    Csv csv = Csv.of(c, 0);
                    for (JsonNode row : ListFilters.list(c)) {
                        csv.writeRow(sb, row);
                    }
                    return Values.of(sb.toString());
                });
        r.register(filter("csv_parse").opt("separator", TEXT, Values.of(",")).opt("enclosure", TEXT, Values.of("\""))
                .opt("escape", TEXT, Values.of("\"")).build(), c -> {
                    List<List<String>> rows = Csv.of(c, 0).parse(c.inputText());
                    ArrayNode out = Values.list();
                    if (rows.isEmpty()) {
                        return out;
                    }
                    List<String> header = rows.get(0);
                    for (List<String> row : rows.subList(1, rows.size())) {
                        ObjectNode o = out.addObject();
                        for (int i = 0; i < header.size(); i++) {
                            o.set(header.get(i), i < row.size() ? Values.of(row.get(i)) : Values.NULL);
                        }
                    }
                    return out;
                });
        r.register(filter("hex2bin").build(), c -> {
            String s = c.inputText();
            if (s.length() % 2 != 0 || !s.matches("[0-9a-fA-F]*")) {
                throw c.error("input must be an even number of hexadecimal digits");
            }
            byte[] b = new byte[s.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
            }
            return Bytes.of(b);
        });
        r.register(filter("json_decode").build(), c -> {
            if (!c.input().isTextual()) {
                return c.input();
            }
            JsonNode v = Json.tryParse(c.input().textValue());
            return v == null ? Values.NULL : normalize(v);
        });
        r.register(filter("json_encode").build(), c -> Values.of(Json.encode(c.input())));
        r.register(filter("querystring_parse").build(), c -> parseQuery(c.inputText()));
        r.register(filter("url_addarg").arg("name", TEXT).arg("value", ANY).build(), c -> {
            Url u = Url.split(c.inputText());
            String pair = urlencode(c.text(0), false) + "=" + urlencode(Values.toText(c.arg(1)), false);
            List<String> kept = new ArrayList<>();
            boolean replaced = false;
            for (String p : u.pairs()) {
                if (decodedName(p).equals(c.text(0))) {
                    if (!replaced) {
                        kept.add(pair);
                        replaced = true;
                    }
                } else {
                    kept.add(p);
                }
            }
            if (!replaced) {
                kept.add(pair);
            }
            return Values.of(u.with(kept));
        });
        r.register(filter("url_decode").build(), c -> Bytes.of(urldecode(c.inputText(), true)));
        r.register(filter("url_decode_rfc3986").build(), c -> Bytes.of(urldecode(c.inputText(), false)));
        r.register(filter("url_delarg").arg("name", TEXT).build(), c -> {
            Url u = Url.split(c.inputText());
            List<String> kept = new ArrayList<>();
            for (String p : u.pairs()) {
                if (!decodedName(p).equals(c.text(0))) {
                    kept.add(p);
                }
            }
            return Values.of(u.with(kept));
        });
        // PHP urlencode but a space is %20, as the extension's hover example states ("+" in the
        // output can only come from a space: a literal plus is %2B)
        r.register(filter("url_encode").build(), c -> Values.of(urlencode(text(c), false).replace("+", "%20")));
        r.register(filter("url_encode_rfc3986").build(), c -> Values.of(urlencode(text(c), true)));
        r.register(filter("url_getarg").arg("name", TEXT).opt("default", ANY, Values.NULL).build(), c -> {
            for (String p : Url.split(c.inputText()).pairs()) {
                if (decodedName(p).equals(c.text(0))) {
                    int eq = p.indexOf('=');
                    return Bytes.of(urldecode(eq < 0 ? "" : p.substring(eq + 1), true));
                }
            }
            return c.arg(1);
        });
        r.register(filter("url_hasarg").arg("name", TEXT).build(), c -> {
            for (String p : Url.split(c.inputText()).pairs()) {
                if (decodedName(p).equals(c.text(0))) {
                    return Values.TRUE;
                }
            }
            return Values.FALSE;
        });
        r.register(filter("url_parse").build(), c -> urlParse(c, c.inputText()));
        r.register(filter("xml_decode").build(), EncodingFilters::xmlDecode);
        r.register(filter("yaml_decode").build(), c -> {
            try {
                JsonNode v = Yaml.MAPPER.readTree(c.inputText());
                return v == null || v.isMissingNode() ? Values.NULL : normalize(v);
            } catch (Exception e) {
                throw c.error("invalid YAML: " + e.getMessage().split("\n")[0]);
            }
        });
        r.register(filter("yaml_encode").build(), c -> {
            try {
                return Values.of(Yaml.MAPPER.writeValueAsString(c.input()));
            } catch (Exception e) {
                throw c.error(e.getMessage());
            }
        });
    }

    private static JsonNode text(FilterCall c) {
        c.inputText();
        return c.input();
    }

    /** Parsed JSON or YAML in XanoScript's value model: ints as longs, big ints and decimals as doubles. */
    static JsonNode normalize(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? Values.of(v.longValue()) : Values.of(v.doubleValue());
        }
        if (v.isNumber()) {
            return Values.of(v.doubleValue());
        }
        if (v.isBinary()) {
            return Bytes.of(((com.fasterxml.jackson.databind.node.BinaryNode) v).binaryValue());
        }
        if (v.isArray()) {
            ArrayNode out = Values.list();
            v.forEach(e -> out.add(normalize(e)));
            return out;
        }
        if (v.isObject()) {
            ObjectNode out = Values.object();
            v.fields().forEachRemaining(e -> out.set(e.getKey(), normalize(e.getValue())));
            return out;
        }
        return Values.orNull(v);
    }

    // ---- base64 and hex ------------------------------------------------------------------------

    private static JsonNode base64Decode(String s, boolean urlSafe) {
        String t = s.replaceAll("[\\s]", "");
        if (urlSafe) {
            t = t.replace('-', '+').replace('_', '/');
        }
        int pad = t.indexOf('=');
        String body = pad < 0 ? t : t.substring(0, pad);
        if (!body.matches("[A-Za-z0-9+/]*") || (pad >= 0 && !t.substring(pad).matches("={1,2}")) || body.length() % 4 == 1) {
            return Values.NULL;
        }
        try {
            return Bytes.of(Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4)));
        } catch (IllegalArgumentException e) {
            return Values.NULL;
        }
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }

    // ---- URLs ------------------------------------------------------------------------------------

    /** PHP urlencode (space → +) or, with rfc3986, rawurlencode (space → %20, ~ kept). */
    static String urlencode(JsonNode v, boolean rfc3986) {
        StringBuilder sb = new StringBuilder();
        for (byte b : Bytes.of(v)) {
            int x = b & 0xFF;
            if ((x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || x == '-' || x == '_' || x == '.'
                    || (rfc3986 && x == '~')) {
                sb.append((char) x);
            } else if (x == ' ' && !rfc3986) {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(x >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    static String urlencode(String s, boolean rfc3986) {
        return urlencode(Values.of(s), rfc3986);
    }

    static byte[] urldecode(String s, boolean plus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '+' && plus) {
                out.write(' ');
            } else if (b == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0 && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static String decodedName(String pair) {
        int eq = pair.indexOf('=');
        return new String(urldecode(eq < 0 ? pair : pair.substring(0, eq), true), StandardCharsets.UTF_8);
    }

    /** A URL cut around its query string. */
    private record Url(String base, String query, String fragment) {
        static Url split(String url) {
            String fragment = "";
            int hash = url.indexOf('#');
            if (hash >= 0) {
                fragment = url.substring(hash);
                url = url.substring(0, hash);
            }
            int q = url.indexOf('?');
            if (q < 0) {
                return new Url(url, null, fragment);
            }
            return new Url(url.substring(0, q), url.substring(q + 1), fragment);
        }

        List<String> pairs() {
            List<String> out = new ArrayList<>();
            if (query != null) {
                for (String p : query.split("&")) {
                    if (!p.isEmpty()) {
                        out.add(p);
                    }
                }
            }
            return out;
        }

        String with(List<String> pairs) {
            return base + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)) + fragment;
        }
    }

    private static final Pattern URL = Pattern.compile(
            "^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?://(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\\[[^\\]]*\\]|[^:/?#]*)(?::(\\d*))?)?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$",
            Pattern.DOTALL);

    private static JsonNode urlParse(FilterCall c, String s) {
        Matcher m = URL.matcher(s);
        if (!m.matches()) {
            throw c.error("malformed URL");
        }
        ObjectNode out = Values.object();
        boolean authority = s.contains("//") && m.group(4) != null;
        if (m.group(1) != null) {
            out.put("scheme", m.group(1));
        }
        if (authority && !m.group(4).isEmpty()) {
            out.put("host", m.group(4));
        }
        if (m.group(5) != null && !m.group(5).isEmpty()) {
            out.put("port", Long.parseLong(m.group(5)));
        }
        if (m.group(2) != null) {
            out.put("user", m.group(2));
        }
        if (m.group(3) != null) {
            out.put("pass", m.group(3));
        }
        if (!m.group(6).isEmpty()) {
            out.put("path", m.group(6));
        }
        if (m.group(7) != null) {
            out.put("query", m.group(7));
        }
        if (m.group(8) != null) {
            out.put("fragment", m.group(8));
        }
        return out;
    }

    /** PHP parse_str: "a[]=1&a[]=2&b[x]=3" nests; values stay text. */
    static JsonNode parseQuery(String q) {
        PhpArray root = new PhpArray();
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = new String(urldecode(eq < 0 ? pair : pair.substring(0, eq), true), StandardCharsets.UTF_8);
            JsonNode value = Bytes.of(urldecode(eq < 0 ? "" : pair.substring(eq + 1), true));
            int br = name.indexOf('[');
            String base = br > 0 ? name.substring(0, br) : name;
            if (base.isEmpty()) {
                continue;
            }
            // PHP turns spaces and dots in the top-level name into underscores
            base = base.replace(' ', '_').replace('.', '_');
            List<String> keys = new ArrayList<>();
            keys.add(base);
            if (br > 0) {
                Matcher m = Pattern.compile("\\[([^\\]]*)\\]").matcher(name.substring(br));
                int at = 0;
                while (m.find() && m.start() == at) {
                    keys.add(m.group(1));
                    at = m.end();
                }
            }
            assign(root, keys, 0, value);
        }
        return toNodeDeep(root);
    }

    private static void assign(PhpArray arr, List<String> keys, int i, JsonNode value) {
        String k = keys.get(i);
        if (i == keys.size() - 1) {
            if (k.isEmpty() && i > 0) {
                arr.append(value);
            } else {
                arr.put(PhpArray.key(k), value);
            }
            return;
        }
        Object key = k.isEmpty() ? null : PhpArray.key(k);
        PhpArray child = null;
        if (key != null && arr.map.get(key) instanceof PhpNode) {
            child = ((PhpNode) arr.map.get(key)).array;
        }
        if (child == null) {
            child = new PhpArray();
            if (key == null) {
                arr.append(new PhpNode(child));
            } else {
                arr.put(key, new PhpNode(child));
            }
        }
        assign(child, keys, i + 1, value);
    }

    /** A nested PHP array while parse_str builds it. */
    private static final class PhpNode extends com.fasterxml.jackson.databind.node.TextNode {
        private static final long serialVersionUID = 1L;
        final transient PhpArray array;

        PhpNode(PhpArray array) {
            super("");
            this.array = array;
        }
    }

    private static JsonNode toNodeDeep(PhpArray a) {
        PhpArray out = new PhpArray();
        a.map.forEach((k, v) -> out.put(k, v instanceof PhpNode ? toNodeDeep(((PhpNode) v).array) : v));
        JsonNode node = out.toNode();
        return node.isArray() && node.isEmpty() ? Values.object() : node;
    }

    // ---- XML -------------------------------------------------------------------------------------

    private static JsonNode xmlDecode(FilterCall c) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new InputSource(new StringReader(c.inputText()))).getDocumentElement();
            ObjectNode out = Values.object();
            out.set(root.getTagName(), element(root));
            return out;
        } catch (Exception e) {
            throw c.error("invalid XML: " + e.getMessage());
        }
    }

    /**
     * {"@attributes": {...} or [], "value": text or [{child: element}, ...]}: the shape of the VS Code
     * extension's hover example, with children in document order, one single-key object each.
     */
    private static JsonNode element(Element e) {
        ObjectNode out = Values.object();
        NamedNodeMap attrs = e.getAttributes();
        if (attrs.getLength() > 0) {
            ObjectNode a = out.putObject("@attributes");
            for (int i = 0; i < attrs.getLength(); i++) {
                a.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
            }
        } else {
            out.putArray("@attributes");
        }
        NodeList kids = e.getChildNodes();
        ArrayNode children = Values.list();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() == Node.ELEMENT_NODE) {
                children.addObject().set(((Element) k).getTagName(), element((Element) k));
            } else if (k.getNodeType() == Node.TEXT_NODE || k.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(k.getNodeValue());
            }
        }
        if (children.size() > 0) {
            out.set("value", children);
        } else {
            out.put("value", text.toString().trim());
        }
        return out;
    }

    // ---- CSV -------------------------------------------------------------------------------------

    /** CSV with a separator, an enclosure and an escape character, as PHP's str_getcsv/fputcsv. */
    private record Csv(char sep, char enc, char esc) {
        static Csv of(FilterCall c, int first) {
            String s = c.text(first);
            String e = c.text(first + 1);
            String x = c.text(first + 2);
            if (s.length() != 1 || e.length() != 1) {
                throw c.error("separator and enclosure must be one character each");
            }
            return new Csv(s.charAt(0), e.charAt(0), x.isEmpty() ? e.charAt(0) : x.charAt(0));
        }

        List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean any = false;
            int i = 0;
            int n = text.length();
            while (i < n) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == esc && esc != enc && i + 1 < n) {
                        field.append(ch).append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (ch == enc) {
                        if (i + 1 < n && text.charAt(i + 1) == enc) {
                            field.append(enc);
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        continue;
                    }
                    field.append(ch);
                    i++;
                    continue;
                }
                if (ch == enc && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    any = true;
                    i++;
                    continue;
                }
                if (ch == sep) {
                    row.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    any = true;
                    i++;
                    continue;
                }
                if (ch == '\n' || ch == '\r') {
                    if (any || field.length() > 0) {
                        row.add(field.toString());
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                    field.setLength(0);
                    wasQuoted = false;
                    any = false;
                    i += ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    continue;
                }
                field.append(ch);
                any = true;
                i++;
            }
            if (any || field.length() > 0) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }

        void writeRow(StringBuilder sb, JsonNode row) {
            boolean first = true;
            for (JsonNode cell : Paths.elements(row.isContainerNode() ? row : Values.list().add(row))) {
                if (!first) {
                    sb.append(sep);
                }
                first = false;
                String s = Values.toText(cell);
                boolean quote = false;
                for (char ch : s.toCharArray()) {
                    if (ch == sep || ch == enc || ch == esc || ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
                        quote = true;
                        break;
                    }
                }
                if (quote) {
                    sb.append(enc);
                    for (char ch : s.toCharArray()) {
                        if (ch == enc) {
                            sb.append(enc);
                        }
                        sb.append(ch);
                    }
                    sb.append(enc);
                } else {
                    sb.append(s);
                }
            }
            sb.append('\n');
        }
    }
}
