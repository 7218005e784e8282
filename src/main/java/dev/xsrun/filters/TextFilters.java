package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.ArgType.INT;
import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The text family (spec 6.1): case, trimming, searching, slicing by code points, PHP formatting. */
final class TextFilters {
    private TextFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("addslashes").build(), c -> Values.of(addslashes(c.inputText())));
        r.register(filter("capitalize").build(), c -> Values.of(capitalize(c.inputText())));
        r.register(filter("concat").arg("value", ANY).opt("separator", TEXT, Values.of("")).build(),
                c -> Values.of(c.inputText() + c.text(1) + Values.toText(c.arg(0))));
        r.register(filter("contains").arg("needle", ANY).build(), TextFilters::contains);
        r.register(filter("convert_encoding").arg("to", TEXT).arg("from", TEXT).build(),
                c -> convert(c, Bytes.of(textInput(c)), c.text(1), c.text(0)));
        r.register(filter("detect_encoding").build(), TextFilters::detectEncoding);
        r.register(filter("ends_with").arg("text", TEXT).build(), c -> Values.of(c.inputText().endsWith(c.text(0))));
        // control characters, quotes and backslashes as in a JSON string body (the extension's hover
        // example), and &, <, > as HTML entities (the MCP docs' "<script>" example): both sources hold
        r.register(filter("escape").build(), c -> {
            String q = Json.quote(c.inputText());
            return Values.of(q.substring(1, q.length() - 1).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        });
        r.register(filter("from_utf8").build(), c -> convert(c, Bytes.of(textInput(c)), "UTF-8", "ISO-8859-1"));
        r.register(filter("icontains").arg("needle", TEXT).build(),
                c -> Values.of(lower(c.inputText()).contains(lower(c.text(0)))));
        r.register(filter("iends_with").arg("text", TEXT).build(),
                c -> Values.of(lower(c.inputText()).endsWith(lower(c.text(0)))));
        r.register(filter("iindex").arg("needle", TEXT).build(), c -> indexOf(lower(c.inputText()), lower(c.text(0))));
        r.register(filter("index").arg("needle", TEXT).build(), c -> indexOf(c.inputText(), c.text(0)));
        r.register(filter("istarts_with").arg("text", TEXT).build(),
                c -> Values.of(lower(c.inputText()).startsWith(lower(c.text(0)))));
        r.register(filter("list_encodings").build(), c -> {
            ArrayNode out = Values.list();
            for (String n : ENCODINGS) {
                out.add(n);
            }
            return out;
        });
        r.register(filter("ltrim").opt("chars", TEXT, Values.NULL).build(), c -> Values.of(trim(c, true, false)));
        r.register(filter("number_format").opt("decimals", INT, Values.of(0)).opt("dec_point", TEXT, Values.of("."))
                .opt("thousands_sep", TEXT, Values.of(",")).build(),
                c -> Values.of(numberFormat(c.inputNumber().doubleValue(), (int) Math.max(0, c.integer(0)), c.text(1), c.text(2))));
        r.register(filter("replace").arg("search", TEXT).arg("replacement", TEXT).build(), c -> {
            String s = c.inputText();
            String search = c.text(0);
            return Values.of(search.isEmpty() ? s : s.replace(search, c.text(1)));
        });
        r.register(filter("rtrim").opt("chars", TEXT, Values.NULL).build(), c -> Values.of(trim(c, false, true)));
        r.register(filter("split").arg("separator", TEXT).build(), TextFilters::split);
        r.register(filter("sprintf").opt("value", ANY, Values.NULL).variadic().build(), TextFilters::sprintf);
        r.register(filter("sql_alias").build(), c -> Values.of("\"" + c.inputText().replace("\"", "\"\"") + "\""));
        r.register(filter("sql_esc").build(), c -> Values.of("'" + c.inputText().replace("'", "''") + "'"));
        r.register(filter("starts_with").arg("text", TEXT).build(), c -> Values.of(c.inputText().startsWith(c.text(0))));
        r.register(filter("strip_html").opt("allowed_tags", ANY, Values.NULL).build(), TextFilters::stripHtml);
        r.register(filter("strlen").build(), c -> {
            String s = c.inputText();
            return Values.of(s.codePointCount(0, s.length()));
        });
        r.register(filter("substr").arg("start", INT).opt("length", INT, Values.NULL).build(), c -> {
            String s = c.inputText();
            return Values.of(substr(s, c.integer(0), c.arg(1).isNull() ? null : c.integer(1)));
        });
        r.register(filter("text_escape").build(), c -> Values.of(htmlEscape(c.inputText())));
        r.register(filter("text_unescape").build(), c -> Values.of(htmlUnescape(c.inputText())));
        r.register(filter("to_lower").build(), c -> Values.of(lower(c.inputText())));
        r.register(filter("to_upper").build(), c -> Values.of(c.inputText().toUpperCase(Locale.ROOT)));
        r.register(filter("to_utf8").build(), c -> convert(c, Bytes.of(textInput(c)), "ISO-8859-1", "UTF-8"));
        r.register(filter("trim").opt("chars", TEXT, Values.NULL).build(), c -> Values.of(trim(c, true, true)));
        r.register(filter("unaccent").build(), c -> Values.of(unaccent(c.inputText())));
    }

    // ---- helpers shared with other families ---------------------------------------------------

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static int cpLength(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The code points [from, to) of s, with both ends already clamped to 0..length. */
    static String cpRange(String s, int from, int to) {
        if (to <= from) {
            return "";
        }
        int a = s.offsetByCodePoints(0, from);
        int b = s.offsetByCodePoints(a, to - from);
        return s.substring(a, b);
    }

    /** mb_substr: negative start counts from the end, negative length stops before the end. */
    static String substr(String s, long start, Long length) {
        int n = cpLength(s);
        long from = start < 0 ? Math.max(0, n + start) : start;
        if (from > n) {
            return "";
        }
        long to;
        if (length == null) {
            to = n;
        } else if (length < 0) {
            to = n + length;
        } else {
            to = Math.min(n, from + length);
        }
        return from >= to ? "" : cpRange(s, (int) from, (int) to);
    }

    private static JsonNode textInput(FilterCall c) {
        c.inputText();
        return c.input();
    }

    // ---- bodies ------------------------------------------------------------------------------

    private static String addslashes(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch == 0) {
                sb.append("\\0");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String capitalize(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(start ? Character.toUpperCase(cp) : cp);
            start = cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == 0x0B;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static JsonNode contains(FilterCall c) {
        JsonNode in = c.input();
        JsonNode needle = c.arg(0);
        if (in.isArray() || in.isObject()) {
            for (JsonNode e : Paths.elements(in)) {
                if (Operators.looseEquals(e, needle)) {
                    return Values.TRUE;
                }
            }
            return Values.FALSE;
        }
        if (needle.isContainerNode()) {
            throw c.error("needle must be text");
        }
        return Values.of(c.inputText().contains(Values.toText(needle)));
    }

    private static JsonNode indexOf(String s, String needle) {
        int at = s.indexOf(needle);
        return at < 0 ? Values.FALSE : Values.of(s.codePointCount(0, at));
    }

    private static final String[] ENCODINGS = {"ASCII", "UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32",
        "ISO-8859-1", "ISO-8859-2", "ISO-8859-15", "Windows-1251", "Windows-1252", "SJIS", "EUC-JP", "GB18030", "BIG-5"};

    private static JsonNode convert(FilterCall c, byte[] in, String from, String to) {
        try {
            String s = new String(in, charset(from));
            return Bytes.of(s.getBytes(charset(to)));
        } catch (IllegalArgumentException e) {
            throw c.error("unknown encoding");
        }
    }

    private static Charset charset(String name) {
        String n = name.trim();
        if (n.equalsIgnoreCase("BIG-5")) {
            n = "Big5";
        } else if (n.equalsIgnoreCase("ASCII")) {
            n = "US-ASCII";
        }
        return Charset.forName(n);
    }

    private static JsonNode detectEncoding(FilterCall c) {
        JsonNode in = textInput(c);
        if (in instanceof Bytes) {
            return Values.of("ISO-8859-1");
        }
        String s = Values.toText(in);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Values.of("UTF-8");
            }
        }
        return Values.of("ASCII");
    }

    /** PHP trim: default set " \t\n\r\0\x0B"; a given set may contain ranges such as "a..z". */
    private static String trim(FilterCall c, boolean left, boolean right) {
        String s = c.inputText();
        Set<Integer> set = new HashSet<>();
        if (c.arg(0).isNull()) {
            for (char ch : " \t\n\r\0\u000B".toCharArray()) {
                set.add((int) ch);
            }
        } else {
            int[] cps = c.text(0).codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                if (i + 3 < cps.length && cps[i + 1] == '.' && cps[i + 2] == '.') {
                    for (int x = cps[i]; x <= cps[i + 3]; x++) {
                        set.add(x);
                    }
                    i += 3;
                } else {
                    set.add(cps[i]);
                }
            }
        }
        int a = 0;
        int b = s.length();
        while (left && a < b && set.contains(s.codePointAt(a))) {
            a += Character.charCount(s.codePointAt(a));
        }
        while (right && b > a && set.contains(s.codePointBefore(b))) {
            b -= Character.charCount(s.codePointBefore(b));
        }
        return s.substring(a, b);
    }

    private static JsonNode split(FilterCall c) {
        String s = c.inputText();
        String sep = c.text(0);
        ArrayNode out = Values.list();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                out.add(s.substring(from));
                return out;
            }
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
    }

    /** Rounds half away from zero on the shortest decimal form (PHP's pre-rounding makes 1.005 → 1.01). */
    static BigDecimal roundHalfUp(double d, int decimals) {
        return new BigDecimal(Double.toString(d)).setScale(decimals, RoundingMode.HALF_UP);
    }

    static String numberFormat(double d, int decimals, String decPoint, String thousands) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Values.formatDecimal(d, 14, 'E');
        }
        BigDecimal r = roundHalfUp(d, decimals);
        boolean negative = r.signum() < 0;
        String plain = r.abs().toPlainString();
        String intPart = plain;
        String frac = "";
        int dot = plain.indexOf('.');
        if (dot >= 0) {
            intPart = plain.substring(0, dot);
            frac = plain.substring(dot + 1);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) {
                sb.append(thousands);
            }
            sb.append(intPart.charAt(i));
        }
        if (decimals > 0) {
            sb.append(decPoint).append(frac);
        }
        return (negative ? "-" : "") + sb;
    }

    // ---- sprintf ----------------------------------------------------------------------------------

    private static JsonNode sprintf(FilterCall c) {
        String f = c.inputText();
        int argc = c.provided();
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < f.length()) {
            char ch = f.charAt(i++);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (i >= f.length()) {
                throw c.error("missing format specifier at end of string");
            }
            if (f.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int argIndex = -1;
            int j = i;
            while (j < f.length() && Character.isDigit(f.charAt(j))) {
                j++;
            }
            if (j > i && j < f.length() && f.charAt(j) == '$') {
                argIndex = Integer.parseInt(f.substring(i, j)) - 1;
                if (argIndex < 0) {
                    throw c.error("argument number must be greater than zero");
                }
                i = j + 1;
            }
            boolean leftAlign = false;
            boolean plus = false;
            char pad = ' ';
            while (i < f.length()) {
                char fl = f.charAt(i);
                if (fl == '-') {
                    leftAlign = true;
                } else if (fl == '+') {
                    plus = true;
                } else if (fl == '0') {
                    pad = '0';
                } else if (fl == ' ') {
                    pad = ' ';
                } else if (fl == '\'' && i + 1 < f.length()) {
                    pad = f.charAt(++i);
                } else {
                    break;
                }
                i++;
            }
            int width = 0;
            while (i < f.length() && Character.isDigit(f.charAt(i))) {
                width = width * 10 + (f.charAt(i++) - '0');
            }
            int precision = -1;
            if (i < f.length() && f.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < f.length() && Character.isDigit(f.charAt(i))) {
                    precision = precision * 10 + (f.charAt(i++) - '0');
                }
            }
            if (i < f.length() && f.charAt(i) == 'l') {
                i++;
            }
            if (i >= f.length()) {
                throw c.error("missing format specifier at end of string");
            }
            char conv = f.charAt(i++);
            int use = argIndex >= 0 ? argIndex : next++;
            if (use >= argc) {
                throw c.error((use + 2) + " arguments are required, " + (argc + 1) + " given");
            }
            JsonNode arg = c.arg(use);
            String body;
            boolean numeric = true;
            switch (conv) {
                case 'd': {
                    long v = Values.toLong(arg);
                    body = (v >= 0 && plus ? "+" : "") + v;
                    break;
                }
                case 'u': {
                    body = Long.toUnsignedString(Values.toLong(arg));
                    break;
                }
                case 'f':
                case 'F': {
                    double v = Values.toDouble(arg);
                    String s = roundHalfUp(v, precision < 0 ? 6 : precision).abs().toPlainString();
                    boolean neg = v < 0 && roundHalfUp(v, precision < 0 ? 6 : precision).signum() != 0;
                    body = (neg ? "-" : plus ? "+" : "") + s;
                    break;
                }
                case 'e':
                case 'E': {
                    body = exponent(Values.toDouble(arg), precision < 0 ? 6 : precision, conv, plus);
                    break;
                }
                case 'g':
                case 'G': {
                    double v = Values.toDouble(arg);
                    body = (v >= 0 && plus ? "+" : "") + Values.formatDecimal(v, precision <= 0 ? 6 : precision, conv == 'g' ? 'e' : 'E');
                    break;
                }
                case 'x':
                    body = Long.toHexString(Values.toLong(arg));
                    break;
                case 'X':
                    body = Long.toHexString(Values.toLong(arg)).toUpperCase(Locale.ROOT);
                    break;
                case 'o':
                    body = Long.toOctalString(Values.toLong(arg));
                    break;
                case 'b':
                    body = Long.toBinaryString(Values.toLong(arg));
                    break;
                case 'c':
                    out.appendCodePoint((int) Values.toLong(arg));
                    continue;
                case 's': {
                    String s = Values.toText(arg);
                    if (precision >= 0 && precision < cpLength(s)) {
                        s = cpRange(s, 0, precision);
                    }
                    body = s;
                    numeric = false;
                    break;
                }
                default:
                    throw c.error("unknown format specifier \"" + conv + "\"");
            }
            int len = cpLength(body);
            if (len >= width) {
                out.append(body);
            } else if (leftAlign) {
                out.append(body);
                out.append(String.valueOf(pad).repeat(width - len));
            } else if (numeric && pad == '0' && (body.startsWith("-") || body.startsWith("+"))) {
                out.append(body.charAt(0)).append("0".repeat(width - len)).append(body.substring(1));
            } else {
                out.append(String.valueOf(pad).repeat(width - len)).append(body);
            }
        }
        return Values.of(out.toString());
    }

    /** PHP's %e: mantissa with the given precision, exponent without leading zeros ("1.5e+3"). */
    private static String exponent(double v, int precision, char letter, boolean plus) {
        if (v == 0) {
            return (plus ? "+" : "") + (precision > 0 ? "0." + "0".repeat(precision) : "0") + letter + "+0";
        }
        String s = String.format(Locale.ROOT, "%." + precision + "e", Math.abs(v));
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        return (v < 0 ? "-" : plus ? "+" : "") + mant + letter + (exp < 0 ? "-" : "+") + Math.abs(exp);
    }

    // ---- HTML -----------------------------------------------------------------------------------

    private static String htmlEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#039;");
                    break;
                default:
                    sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static final Map<String, Integer> ENTITIES = Map.ofEntries(
            Map.entry("amp", 38), Map.entry("lt", 60), Map.entry("gt", 62), Map.entry("quot", 34),
            Map.entry("apos", 39), Map.entry("nbsp", 160), Map.entry("copy", 169), Map.entry("reg", 174),
            Map.entry("trade", 8482), Map.entry("euro", 8364), Map.entry("pound", 163), Map.entry("yen", 165),
            Map.entry("cent", 162), Map.entry("sect", 167), Map.entry("deg", 176), Map.entry("hellip", 8230),
            Map.entry("mdash", 8212), Map.entry("ndash", 8211), Map.entry("lsquo", 8216), Map.entry("rsquo", 8217),
            Map.entry("ldquo", 8220), Map.entry("rdquo", 8221), Map.entry("laquo", 171), Map.entry("raquo", 187),
            Map.entry("times", 215), Map.entry("divide", 247), Map.entry("middot", 183), Map.entry("bull", 8226),
            Map.entry("eacute", 233), Map.entry("egrave", 232), Map.entry("agrave", 224), Map.entry("aacute", 225),
            Map.entry("uuml", 252), Map.entry("ouml", 246), Map.entry("auml", 228), Map.entry("szlig", 223),
            Map.entry("ccedil", 231), Map.entry("ntilde", 241));

    static String htmlUnescape(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            int semi = ch == '&' ? s.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= 12) {
                String name = s.substring(i + 1, semi);
                Integer cp = null;
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        cp = Integer.parseInt(name.substring(2), 16);
                    } else if (name.startsWith("#")) {
                        cp = Integer.parseInt(name.substring(1));
                    } else {
                        cp = ENTITIES.get(name);
                    }
                } catch (NumberFormatException ignored) {
                    cp = null;
                }
                if (cp != null && Character.isValidCodePoint(cp)) {
                    sb.appendCodePoint(cp);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(ch);
            i++;
        }
        return sb.toString();
    }

    /** PHP strip_tags: drops tags, comments and processing instructions; keeps listed tags. */
    private static JsonNode stripHtml(FilterCall c) {
        String s = c.inputText();
        Set<String> allowed = new HashSet<>();
        JsonNode a = c.arg(0);
        if (a.isArray()) {
            a.forEach(t -> allowed.add(lower(Values.toText(t))));
        } else if (!a.isNull()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<\\s*([a-zA-Z0-9]+)\\s*/?>").matcher(Values.toText(a));
            while (m.find()) {
                allowed.add(lower(m.group(1)));
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch != '<') {
                out.append(ch);
                i++;
                continue;
            }
            if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1))) {
                // PHP keeps a "<" that cannot start a tag ("a < b")
                out.append(ch);
                i++;
                continue;
            }
            if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                i = end < 0 ? s.length() : end + 3;
                continue;
            }
            int j = i + 1;
            char quote = 0;
            while (j < s.length()) {
                char d = s.charAt(j);
                if (quote != 0) {
                    if (d == quote) {
                        quote = 0;
                    }
                } else if (d == '"' || d == '\'') {
                    quote = d;
                } else if (d == '>') {
                    break;
                }
                j++;
            }
            String tag = s.substring(i, Math.min(j + 1, s.length()));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^</?\\s*([a-zA-Z0-9]+)").matcher(tag);
            if (m.find() && allowed.contains(lower(m.group(1)))) {
                out.append(tag);
            }
            i = j + 1;
        }
        return Values.of(out.toString());
    }

    private static final Map<Character, String> LIGATURES = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"),
            Map.entry('ø', "o"), Map.entry('Ø', "O"), Map.entry('đ', "d"), Map.entry('Đ', "D"), Map.entry('ł', "l"),
            Map.entry('Ł', "L"), Map.entry('þ', "th"), Map.entry('Þ', "TH"), Map.entry('ð', "d"), Map.entry('Ð', "D"),
            Map.entry('ı', "i"));

    static String unaccent(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            String rep = LIGATURES.get(ch);
            sb.append(rep == null ? String.valueOf(ch) : rep);
        }
        return Normalizer.normalize(sb.toString(), Normalizer.Form.NFC);
    }
}
