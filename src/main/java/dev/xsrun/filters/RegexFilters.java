package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions (spec 6.10): the input is a PCRE pattern with delimiters and flags, translated
 * to java.util.regex; group names are kept so results can carry them as PHP's preg_* functions do.
 */
final class RegexFilters {
    private RegexFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("regex_get_all_matches").arg("subject", TEXT).build(), RegexFilters::allMatches);
        r.register(filter("regex_get_first_match").arg("subject", TEXT).build(), RegexFilters::firstMatch);
        r.register(filter("regex_matches").arg("subject", TEXT).build(),
                c -> Values.of(compile(c).pattern.matcher(c.text(0)).find()));
        r.register(filter("regex_quote").opt("delimiter", TEXT, Values.NULL).build(), c -> {
            String delim = c.arg(0).isNull() ? "" : c.text(0);
            return Values.of(quote(c.inputText(), delim));
        });
        r.register(filter("regex_replace").arg("replacement", TEXT).arg("subject", TEXT).build(), RegexFilters::replace);
    }

    /** A translated pattern and the PCRE name of each capturing group (null when unnamed). */
    record Compiled(Pattern pattern, String[] names, boolean named) {
    }

    private static final Map<String, Compiled> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static Compiled compile(FilterCall c) {
        String src = c.inputText();
        Compiled hit = CACHE.get(src);
        if (hit != null) {
            return hit;
        }
        try {
            Compiled compiled = translate(src);
            if (CACHE.size() < 1000) {
                CACHE.put(src, compiled);
            }
            return compiled;
        } catch (PatternSyntaxException e) {
            throw c.error("Invalid regular expression: " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw c.error("Invalid regular expression: " + e.getMessage());
        }
    }

    static Compiled translate(String src) {
        int i = 0;
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        if (i >= src.length()) {
            throw new IllegalArgumentException("empty pattern");
        }
        char open = src.charAt(i);
        if (Character.isLetterOrDigit(open) || open == '\\') {
            throw new IllegalArgumentException("delimiter must not be alphanumeric or backslash");
        }
        char close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : open == '<' ? '>' : open;
        int depth = 1;
        int j = i + 1;
        int end = -1;
        while (j < src.length()) {
            char ch = src.charAt(j);
            if (ch == '\\') {
                j += 2;
                continue;
            }
            if (ch == close && --depth == 0) {
                end = j;
                break;
            }
            if (ch == open && open != close) {
                depth++;
            }
            j++;
        }
        if (end < 0) {
            throw new IllegalArgumentException("no ending delimiter '" + close + "' found");
        }
        String body = src.substring(i + 1, end);
        int flags = 0;
        boolean ungreedy = false;
        boolean dollarEnd = false;
        boolean anchored = false;
        for (char f : src.substring(end + 1).toCharArray()) {
            switch (f) {
                case 'i':
                    flags |= Pattern.CASE_INSENSITIVE;
                    break;
                case 'm':
                    flags |= Pattern.MULTILINE;
                    break;
                case 's':
                    flags |= Pattern.DOTALL;
                    break;
                case 'x':
                    flags |= Pattern.COMMENTS;
                    break;
                case 'u':
                    flags |= Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
                    break;
                case 'U':
                    ungreedy = true;
                    break;
                case 'D':
                    dollarEnd = true;
                    break;
                case 'A':
                    anchored = true;
                    break;
                case 'S':
                case 'X':
                case 'J':
                case '\n':
                case '\r':
                case ' ':
                    break;
                default:
                    throw new IllegalArgumentException("unknown modifier '" + f + "'");
            }
        }
        List<String> names = new ArrayList<>();
        names.add(null);
        String java = body(body, names, ungreedy, dollarEnd && (flags & Pattern.MULTILINE) == 0);
        if (anchored) {
            java = "\\G(?:" + java + ")";
        }
        Pattern p = Pattern.compile(java, flags);
        boolean named = names.stream().anyMatch(n -> n != null);
        return new Compiled(p, names.toArray(new String[0]), named);
    }

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\d"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("word", "\\w"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("ascii", "\\p{ASCII}"));

    private static final Pattern QUANT = Pattern.compile("\\{\\d+(,\\d*)?\\}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static String body(String s, List<String> names, boolean ungreedy, boolean dollarEnd) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> byName = new HashMap<>();
        boolean inClass = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < n) {
                char next = s.charAt(i + 1);
                if (!inClass && (next == 'g' || next == 'k')) {
                    Matcher m = Pattern.compile("\\\\[gk](?:\\{(-?\\w+)\\}|<(\\w+)>|'(\\w+)'|(-?\\d+))").matcher(s).region(i, n);
                    if (m.lookingAt()) {
                        String ref = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                                : m.group(3) != null ? m.group(3) : m.group(4);
                        if (ref.matches("-?\\d+")) {
                            int num = Integer.parseInt(ref);
                            if (num < 0) {
                                num = names.size() + num;
                            }
                            out.append("\\").append(num);
                        } else {
                            Integer g = byName.get(ref);
                            if (g == null) {
                                throw new IllegalArgumentException("reference to non-existent subpattern " + ref);
                            }
                            out.append("\\k<xs").append(g).append('>');
                        }
                        i = m.end();
                        continue;
                    }
                }
                out.append(ch).append(next);
                i += 2;
                if (!inClass) {
                    i = quantifier(s, i, out, ungreedy);
                }
                continue;
            }
            if (inClass) {
                if (ch == '[' && s.startsWith("[:", i)) {
                    int close = s.indexOf(":]", i + 2);
                    if (close > 0) {
                        String cls = s.substring(i + 2, close);
                        boolean neg = cls.startsWith("^");
                        String java = POSIX.get(neg ? cls.substring(1) : cls);
                        if (java == null) {
                            throw new IllegalArgumentException("unknown POSIX class name " + cls);
                        }
                        out.append(neg ? java.replace("\\p", "\\P").replace("\\d", "\\D").replace("\\s", "\\S").replace("\\w", "\\W") : java);
                        i = close + 2;
                        continue;
                    }
                }
                if (ch == '[' || ch == '&') {
                    out.append('\\').append(ch);
                } else {
                    out.append(ch);
                    if (ch == ']') {
                        inClass = false;
                        i = quantifier(s, i + 1, out, ungreedy);
                        continue;
                    }
                }
                i++;
                continue;
            }
            if (ch == '[') {
                inClass = true;
                out.append('[');
                i++;
                if (i < n && s.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < n && s.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (ch == '(') {
                if (s.startsWith("(?#", i)) {
                    int close = s.indexOf(')', i);
                    i = close < 0 ? n : close + 1;
                    continue;
                }
                String name = null;
                int after = -1;
                if (s.startsWith("(?P<", i) || (s.startsWith("(?<", i) && !s.startsWith("(?<=", i) && !s.startsWith("(?<!", i))) {
                    int start = s.indexOf('<', i) + 1;
                    int gt = s.indexOf('>', start);
                    name = gt < 0 ? null : s.substring(start, gt);
                    after = gt + 1;
                } else if (s.startsWith("(?'", i)) {
                    int q = s.indexOf('\'', i + 3);
                    name = q < 0 ? null : s.substring(i + 3, q);
                    after = q + 1;
                } else if (s.startsWith("(?P=", i)) {
                    int close = s.indexOf(')', i);
                    Integer g = close < 0 ? null : byName.get(s.substring(i + 4, close));
                    if (g == null) {
                        throw new IllegalArgumentException("reference to non-existent subpattern");
                    }
                    out.append("\\k<xs").append(g).append('>');
                    i = quantifier(s, close + 1, out, ungreedy);
                    continue;
                } else if (s.startsWith("(?P>", i) || s.startsWith("(?R)", i) || s.startsWith("(?|", i)) {
                    throw new IllegalArgumentException("recursion and branch reset are not supported");
                }
                if (name != null) {
                    if (!NAME.matcher(name).matches()) {
                        throw new IllegalArgumentException("invalid group name " + name);
                    }
                    names.add(name);
                    byName.put(name, names.size() - 1);
                    out.append("(?<xs").append(names.size() - 1).append('>');
                    i = after;
                    continue;
                }
                if (!s.startsWith("(?", i) && !s.startsWith("(*", i)) {
                    names.add(null);
                }
                out.append('(');
                i++;
                continue;
            }
            if (ch == ')') {
                out.append(')');
                i = quantifier(s, i + 1, out, ungreedy);
                continue;
            }
            if (ch == '{') {
                out.append("\\{");
                i++;
                continue;
            }
            if (ch == '$' && dollarEnd) {
                out.append("\\z");
                i++;
                continue;
            }
            out.append(ch);
            i++;
            if (ch != '|' && ch != '^' && ch != '$') {
                i = quantifier(s, i, out, ungreedy);
            }
        }
        return out.toString();
    }

    /** Copies a quantifier at i (if any), swapping greedy and lazy when the pattern is ungreedy. */
    private static int quantifier(String s, int i, StringBuilder out, boolean ungreedy) {
        if (i >= s.length()) {
            return i;
        }
        char ch = s.charAt(i);
        int end;
        if (ch == '*' || ch == '+' || ch == '?') {
            end = i + 1;
        } else if (ch == '{') {
            Matcher m = QUANT.matcher(s).region(i, s.length());
            if (!m.lookingAt()) {
                return i;
            }
            end = m.end();
        } else {
            return i;
        }
        out.append(s, i, end);
        boolean lazy = end < s.length() && s.charAt(end) == '?';
        boolean possessive = end < s.length() && s.charAt(end) == '+';
        if (possessive) {
            out.append('+');
            return end + 1;
        }
        if (ungreedy) {
            if (!lazy) {
                out.append('?');
            }
            return lazy ? end + 1 : end;
        }
        if (lazy) {
            out.append('?');
            return end + 1;
        }
        return end;
    }

    // ---- bodies ---------------------------------------------------------------------------------

    private static JsonNode firstMatch(FilterCall c) {
        Compiled p = compile(c);
        Matcher m = p.pattern.matcher(c.text(0));
        if (!m.find()) {
            return p.named ? Values.object() : Values.list();
        }
        int last = m.groupCount();
        while (last > 0 && m.group(last) == null) {
            last--;
        }
        if (!p.named) {
            ArrayNode out = Values.list();
            for (int g = 0; g <= last; g++) {
                out.add(m.group(g) == null ? "" : m.group(g));
            }
            return out;
        }
        ObjectNode out = Values.object();
        for (int g = 0; g <= last; g++) {
            String v = m.group(g) == null ? "" : m.group(g);
            if (p.names[g] != null) {
                out.put(p.names[g], v);
            }
            out.put(String.valueOf(g), v);
        }
        return out;
    }

    private static JsonNode allMatches(FilterCall c) {
        Compiled p = compile(c);
        Matcher m = p.pattern.matcher(c.text(0));
        int groups = m.groupCount();
        List<ArrayNode> lists = new ArrayList<>();
        for (int g = 0; g <= groups; g++) {
            lists.add(Values.list());
        }
        while (m.find()) {
            for (int g = 0; g <= groups; g++) {
                lists.get(g).add(m.group(g) == null ? "" : m.group(g));
            }
        }
        if (!p.named) {
            ArrayNode out = Values.list();
            lists.forEach(out::add);
            return out;
        }
        ObjectNode out = Values.object();
        for (int g = 0; g <= groups; g++) {
            if (p.names[g] != null) {
                out.set(p.names[g], lists.get(g).deepCopy());
            }
            out.set(String.valueOf(g), lists.get(g));
        }
        return out;
    }

    private static JsonNode replace(FilterCall c) {
        Compiled p = compile(c);
        String rep = c.text(0);
        Matcher m = p.pattern.matcher(c.text(1));
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(c.text(1), last, m.start());
            appendReplacement(out, rep, m);
            last = m.end();
            if (m.end() == m.start() && m.end() >= c.text(1).length()) {
                break;
            }
        }
        out.append(c.text(1).substring(Math.min(last, c.text(1).length())));
        return Values.of(out.toString());
    }

    /** PHP preg_replace references: \n, $n and ${n} with n up to 99; a missing group is "". */
    private static void appendReplacement(StringBuilder out, String rep, Matcher m) {
        int i = 0;
        while (i < rep.length()) {
            char ch = rep.charAt(i);
            if ((ch == '\\' || ch == '$') && i + 1 < rep.length()) {
                int j = i + 1;
                boolean braced = ch == '$' && rep.charAt(j) == '{';
                if (braced) {
                    j++;
                }
                int start = j;
                while (j < rep.length() && j - start < 2 && Character.isDigit(rep.charAt(j))) {
                    j++;
                }
                if (j > start && (!braced || (j < rep.length() && rep.charAt(j) == '}'))) {
                    int g = Integer.parseInt(rep.substring(start, j));
                    if (g <= m.groupCount() && m.group(g) != null) {
                        out.append(m.group(g));
                    }
                    i = braced ? j + 1 : j;
                    continue;
                }
                if (ch == '\\' && rep.charAt(i + 1) == '\\') {
                    out.append('\\');
                    i += 2;
                    continue;
                }
            }
            out.append(ch);
            i++;
        }
    }

    /** PHP preg_quote. */
    static String quote(String s, String delimiter) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                sb.append("\\000");
                continue;
            }
            if (".\\+*?[^]$(){}=!<>|:-#".indexOf(ch) >= 0 || (!delimiter.isEmpty() && ch == delimiter.charAt(0))) {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }
}
