package dev.xsrun.runtime;

import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.Json;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The subset of Twig that {@code util.template_engine} needs in jobs: {@code {{ name.path|filter }}},
 * {@code {% if %}}/{@code {% else %}}/{@code {% endif %}} and {@code {% for x in list %}}. Names
 * resolve against loop variables, then the current stack variables; {@code $input.x}, {@code $var.x}
 * and {@code input.x} work too. Filters: upper, lower, length, join, default, trim, json_encode.
 */
final class Templates {
    private Templates() {
    }

    static String render(String template, Frame in) {
        StringBuilder out = new StringBuilder();
        render(template, 0, template.length(), in, new HashMap<>(), out);
        return out.toString();
    }

    private static void render(String t, int from, int to, Frame in, Map<String, JsonNode> locals, StringBuilder out) {
        int i = from;
        while (i < to) {
            int expr = t.indexOf("{{", i);
            int tag = t.indexOf("{%", i);
            int next = minPositive(expr, tag, to);
            out.append(t, i, next);
            if (next >= to) {
                return;
            }
            if (next == expr) {
                int close = t.indexOf("}}", expr + 2);
                if (close < 0 || close > to) {
                    throw XsError.fatal("util.template_engine: `{{` without `}}`");
                }
                out.append(Values.toText(value(t.substring(expr + 2, close).trim(), in, locals)));
                i = close + 2;
                continue;
            }
            int close = t.indexOf("%}", tag + 2);
            if (close < 0 || close > to) {
                throw XsError.fatal("util.template_engine: `{%` without `%}`");
            }
            String body = t.substring(tag + 2, close).trim();
            int afterTag = close + 2;
            if (body.startsWith("if ")) {
                int[] parts = matching(t, afterTag, to, "if", "endif");
                boolean cond = Operators.truthy(value(body.substring(3).trim(), in, locals));
                if (cond) {
                    render(t, afterTag, parts[1] >= 0 ? parts[1] : parts[2], in, locals, out);
                } else if (parts[1] >= 0) {
                    render(t, parts[0], parts[2], in, locals, out);
                }
                i = parts[3];
            } else if (body.startsWith("for ")) {
                String[] words = body.substring(4).trim().split("\\s+in\\s+", 2);
                if (words.length != 2) {
                    throw XsError.fatal("util.template_engine: expected {% for item in list %}");
                }
                int[] parts = matching(t, afterTag, to, "for", "endfor");
                JsonNode list = value(words[1].trim(), in, locals);
                JsonNode saved = locals.get(words[0].trim());
                for (JsonNode e : list) {
                    locals.put(words[0].trim(), e);
                    render(t, afterTag, parts[2], in, locals, out);
                }
                if (saved == null) {
                    locals.remove(words[0].trim());
                } else {
                    locals.put(words[0].trim(), saved);
                }
                i = parts[3];
            } else {
                throw XsError.fatal("util.template_engine: unsupported tag {% " + body + " %}");
            }
        }
    }

    private static int minPositive(int a, int b, int limit) {
        int m = limit;
        if (a >= 0 && a < m) {
            m = a;
        }
        if (b >= 0 && b < m) {
            m = b;
        }
        return m;
    }

    /**
     * Finds the else (if any) and the end tag of a block opened just before {@code from}:
     * {start of else body, position of else tag or -1, position of end tag, index after end tag}.
     */
    private static int[] matching(String t, int from, int to, String open, String end) {
        int depth = 0;
        int elseTag = -1;
        int elseBody = -1;
        int i = from;
        while (i < to) {
            int tag = t.indexOf("{%", i);
            if (tag < 0 || tag >= to) {
                break;
            }
            int close = t.indexOf("%}", tag);
            if (close < 0) {
                break;
            }
            String body = t.substring(tag + 2, close).trim();
            if (body.startsWith(open + " ")) {
                depth++;
            } else if (body.equals(end)) {
                if (depth == 0) {
                    return new int[]{elseBody, elseTag, tag, close + 2};
                }
                depth--;
            } else if (body.equals("else") && depth == 0 && open.equals("if")) {
                elseTag = tag;
                elseBody = close + 2;
            }
            i = close + 2;
        }
        throw XsError.fatal("util.template_engine: {% " + open + " %} without {% " + end + " %}");
    }

    private static JsonNode value(String expr, Frame in, Map<String, JsonNode> locals) {
        String[] parts = expr.split("\\|");
        JsonNode v = path(parts[0].trim(), in, locals);
        for (int k = 1; k < parts.length; k++) {
            v = filter(parts[k].trim(), v);
        }
        return v;
    }

    private static JsonNode path(String p, Frame in, Map<String, JsonNode> locals) {
        if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2 || p.startsWith("'") && p.endsWith("'") && p.length() >= 2) {
            return Values.of(p.substring(1, p.length() - 1));
        }
        JsonNode number = Values.parseNumberPrefix(p, true);
        if (number != null) {
            return number;
        }
        String s = p.startsWith("$") ? p.substring(1) : p;
        String[] segs = s.split("\\.");
        JsonNode v;
        int k = 1;
        if (locals.containsKey(segs[0])) {
            v = locals.get(segs[0]);
        } else if (segs[0].equals("input")) {
            v = in.input();
        } else if (segs[0].equals("var") && segs.length > 1) {
            v = Values.orNull(in.get(segs[1]));
            k = 2;
        } else {
            v = Values.orNull(in.get(segs[0]));
        }
        for (; k < segs.length; k++) {
            v = Values.field(v, segs[k]);
        }
        return v;
    }

    private static JsonNode filter(String f, JsonNode v) {
        String name = f;
        String arg = null;
        int paren = f.indexOf('(');
        if (paren >= 0 && f.endsWith(")")) {
            name = f.substring(0, paren).trim();
            arg = f.substring(paren + 1, f.length() - 1).trim();
            if (arg.length() >= 2 && (arg.startsWith("\"") || arg.startsWith("'"))) {
                arg = arg.substring(1, arg.length() - 1);
            }
        }
        switch (name) {
            case "upper":
                return Values.of(Values.toText(v).toUpperCase());
            case "lower":
                return Values.of(Values.toText(v).toLowerCase());
            case "trim":
                return Values.of(Values.toText(v).strip());
            case "length":
                return Values.of(v.isContainerNode() ? v.size() : Values.toText(v).codePointCount(0, Values.toText(v).length()));
            case "join": {
                StringBuilder sb = new StringBuilder();
                String sep = arg == null ? "" : arg;
                int k = 0;
                for (JsonNode e : v) {
                    if (k++ > 0) {
                        sb.append(sep);
                    }
                    sb.append(Values.toText(e));
                }
                return Values.of(sb.toString());
            }
            case "default":
                return Operators.truthy(v) ? v : Values.of(arg == null ? "" : arg);
            case "json_encode":
                return Values.of(Json.encode(v));
            case "first":
                return v.isArray() && v.size() > 0 ? v.get(0) : Values.NULL;
            case "last":
                return v.isArray() && v.size() > 0 ? v.get(v.size() - 1) : Values.NULL;
            case "keys": {
                ArrayNode out = Values.list();
                v.fieldNames().forEachRemaining(out::add);
                return out;
            }
            default:
                throw XsError.fatal("util.template_engine: unsupported filter `" + name + "`");
        }
    }
}
