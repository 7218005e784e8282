package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.ArgType.BOOL;
import static dev.xsrun.filters.ArgType.INT;
import static dev.xsrun.filters.ArgType.LIST;
import static dev.xsrun.filters.ArgType.NUMBER;
import static dev.xsrun.filters.ArgType.PATH;
import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Randomness;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The list family (spec 6.2): PHP array functions on lists, and on objects where PHP allows it. */
final class ListFilters {

    private ListFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("append").arg("value", ANY).opt("path", PATH, Values.NULL).build(), c -> addAt(c, false));
        r.register(filter("array_max").build(), c -> extreme(c, 1));
        r.register(filter("array_min").build(), c -> extreme(c, -1));
        r.register(filter("avg").build(), c -> {
            List<JsonNode> xs = numbers(c);
            return xs.isEmpty() ? Values.of(0) : Operators.divide(sum(xs), Values.of(xs.size()));
        });
        r.register(filter("count").build(), c -> {
            JsonNode in = c.input();
            return Values.of(in.isContainerNode() ? in.size() : in.isNull() ? 0 : 1);
        });
        r.register(filter("diff").arg("other", ANY).build(), c -> diffOrIntersect(c, false));
        r.register(filter("diff_assoc").arg("other", ANY).build(), c -> assoc(c, false));
        r.register(filter("fill").arg("start", INT).arg("count", INT).build(), c -> {
            long n = c.integer(1);
            if (n < 0) {
                throw c.error("count must be greater than or equal to 0");
            }
            ArrayNode out = Values.list();
            for (long i = 0; i < n; i++) {
                out.add(Values.copy(c.input()));
            }
            return out;
        });
        r.register(filter("fill_keys").arg("keys", LIST).build(), c -> {
            ObjectNode out = Values.object();
            for (JsonNode k : c.arg(0)) {
                out.set(Values.toText(k), Values.copy(c.input()));
            }
            return out;
        });
        r.register(filter("filter_empty").opt("path", PATH, Values.NULL).build(), c -> drop(c, Values::isEmpty));
        r.register(filter("filter_empty_array").opt("path", PATH, Values.NULL).build(), c -> drop(c, v -> v.isArray() && v.isEmpty()));
        r.register(filter("filter_empty_object").opt("path", PATH, Values.NULL).build(), c -> drop(c, v -> v.isObject() && v.isEmpty()));
        r.register(filter("filter_empty_text").opt("path", PATH, Values.NULL).build(), c -> drop(c, v -> v.isTextual() && v.textValue().isEmpty()));
        r.register(filter("filter_false").opt("path", PATH, Values.NULL).build(), c -> drop(c, v -> v.isBoolean() && !v.booleanValue()));
        r.register(filter("filter_null").opt("path", PATH, Values.NULL).build(), c -> drop(c, JsonNode::isNull));
        r.register(filter("filter_zero").opt("path", PATH, Values.NULL).build(), c -> drop(c, v -> v.isNumber() && v.doubleValue() == 0));
        r.register(filter("first").build(), c -> {
            List<JsonNode> xs = Paths.elements(container(c));
            return xs.isEmpty() ? Values.NULL : xs.get(0);
        });
        r.register(filter("flatten").build(), c -> {
            ArrayNode out = Values.list();
            flatten(list(c), out);
            return out;
        });
        r.register(filter("in").arg("needle", ANY).build(), c -> {
            for (JsonNode e : Paths.elements(container(c))) {
                if (Operators.looseEquals(e, c.arg(0))) {
                    return Values.TRUE;
                }
            }
            return Values.FALSE;
        });
        r.register(filter("index_by").arg("path", PATH).build(), ListFilters::indexBy);
        r.register(filter("intersect").arg("other", ANY).build(), c -> diffOrIntersect(c, true));
        r.register(filter("intersect_assoc").arg("other", ANY).build(), c -> assoc(c, true));
        r.register(filter("join").arg("separator", TEXT).build(), c -> {
            java.util.StringJoiner sj = new java.util.StringJoiner(c.text(0));
            for (JsonNode e : Paths.elements(container(c))) {
                sj.add(Values.toText(e));
            }
            return Values.of(sj.toString());
        });
        r.register(filter("last").build(), c -> {
            List<JsonNode> xs = Paths.elements(container(c));
            return xs.isEmpty() ? Values.NULL : xs.get(xs.size() - 1);
        });
        r.register(filter("merge").arg("other", ANY).build(), ListFilters::merge);
        r.register(filter("merge_recursive").arg("other", ANY).build(), c -> {
            JsonNode in = container(c);
            JsonNode other = c.arg(0);
            PhpArray a = PhpArray.from(in);
            if (other.isContainerNode()) {
                mergeRecursive(a, PhpArray.from(other));
            } else {
                a.append(other);
            }
            return Values.copy(a.toNode());
        });
        r.register(filter("pick").arg("keys", LIST).build(), c -> pick(c, true));
        r.register(filter("pop").build(), c -> {
            List<JsonNode> xs = Paths.elements(container(c));
            return xs.isEmpty() ? Values.NULL : xs.get(xs.size() - 1);
        });
        r.register(filter("prepend").arg("value", ANY).opt("path", PATH, Values.NULL).build(), c -> addAt(c, true));
        r.register(filter("product").build(), c -> {
            JsonNode p = Values.of(1);
            for (JsonNode x : numbers(c)) {
                p = Operators.multiply(p, x);
            }
            return p;
        });
        r.register(filter("push").arg("value", ANY).build(), c -> add(c, container(c), c.arg(0), false));
        r.register(filter("range").arg("start", NUMBER).arg("stop", NUMBER).opt("step", NUMBER, Values.of(1)).build(), ListFilters::range);
        r.register(filter("remove").arg("value", ANY).build(), c -> {
            ArrayNode out = Values.list();
            for (JsonNode e : list(c)) {
                if (!Operators.looseEquals(e, c.arg(0))) {
                    out.add(Values.copy(e));
                }
            }
            return out;
        });
        r.register(filter("reverse").build(), c -> {
            JsonNode in = container(c);
            if (in.isObject()) {
                PhpArray a = PhpArray.from(in);
                List<Map.Entry<Object, JsonNode>> es = new ArrayList<>(a.map.entrySet());
                Collections.reverse(es);
                PhpArray out = new PhpArray();
                for (Map.Entry<Object, JsonNode> e : es) {
                    if (e.getKey() instanceof Long) {
                        out.append(e.getValue());
                    } else {
                        out.put(e.getKey(), e.getValue());
                    }
                }
                return Values.copy(out.toNode());
            }
            ArrayNode out = Values.list();
            for (int i = in.size() - 1; i >= 0; i--) {
                out.add(Values.copy(in.get(i)));
            }
            return out;
        });
        r.register(filter("safe_array").build(), c -> {
            JsonNode in = c.input();
            if (in.isArray()) {
                return in;
            }
            ArrayNode out = Values.list();
            if (!in.isNull()) {
                out.add(Values.copy(in));
            }
            return out;
        });
        r.register(filter("shift").build(), c -> {
            List<JsonNode> xs = Paths.elements(container(c));
            return xs.isEmpty() ? Values.NULL : xs.get(0);
        });
        r.register(filter("shuffle").build(), c -> {
            List<JsonNode> xs = new ArrayList<>(Paths.elements(container(c)));
            Collections.shuffle(xs, Randomness.get());
            ArrayNode out = Values.list();
            xs.forEach(x -> out.add(Values.copy(x)));
            return out;
        });
        r.register(filter("slice").arg("offset", INT).opt("length", INT, Values.NULL).build(), ListFilters::slice);
        r.register(filter("sort").opt("path", PATH, Values.of("")).opt("type", TEXT, Values.of("text"))
                .opt("asc", BOOL, Values.TRUE).build(), ListFilters::sort);
        r.register(filter("sum").build(), c -> sum(numbers(c)));
        r.register(filter("unique").opt("path", PATH, Values.NULL).build(), c -> {
            Set<String> seen = new HashSet<>();
            ArrayNode out = Values.list();
            List<String> segs = c.arg(0).isNull() ? null : Paths.segments(c.arg(0));
            for (JsonNode e : Paths.elements(container(c))) {
                JsonNode key = segs == null ? e : Values.orNull(Paths.read(e, segs));
                if (seen.add(Values.toText(key))) {
                    out.add(Values.copy(e));
                }
            }
            return out;
        });
        r.register(filter("unpick").arg("keys", LIST).build(), c -> pick(c, false));
        r.register(filter("unshift").arg("value", ANY).build(), c -> add(c, container(c), c.arg(0), true));
    }

    // ---- input helpers --------------------------------------------------------------------------

    /** The input as a list or object; null reads as []. */
    static JsonNode container(FilterCall c) {
        JsonNode in = c.input();
        if (in.isNull()) {
            return Values.list();
        }
        if (!in.isContainerNode()) {
            throw c.unsupported();
        }
        return in;
    }

    /** The input's elements as a list (object values in order). */
    static JsonNode list(FilterCall c) {
        JsonNode in = container(c);
        if (in.isArray()) {
            return in;
        }
        ArrayNode out = Values.list();
        Paths.elements(in).forEach(out::add);
        return out;
    }

    private static List<JsonNode> numbers(FilterCall c) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : Paths.elements(container(c))) {
            if (!e.isContainerNode()) {
                out.add(Values.toNumber(e));
            }
        }
        return out;
    }

    private static JsonNode sum(List<JsonNode> xs) {
        JsonNode s = Values.of(0);
        for (JsonNode x : xs) {
            s = Operators.add(s, x);
        }
        return s;
    }

    private static JsonNode extreme(FilterCall c, int sign) {
        JsonNode best = null;
        for (JsonNode e : Paths.elements(container(c))) {
            if (best == null || Operators.compare(e, best) * sign > 0) {
                best = e;
            }
        }
        return best == null ? Values.NULL : best;
    }

    // ---- bodies ---------------------------------------------------------------------------------

    private static JsonNode add(FilterCall c, JsonNode target, JsonNode value, boolean front) {
        if (target.isNull()) {
            target = Values.list();
        }
        if (target.isArray()) {
            ArrayNode out = ((ArrayNode) target).deepCopy();
            if (front) {
                out.insert(0, Values.copy(value));
            } else {
                out.add(Values.copy(value));
            }
            return out;
        }
        if (!target.isObject()) {
            throw c.unsupported();
        }
        PhpArray a = PhpArray.from(target);
        if (!front) {
            a.append(value);
            return Values.copy(a.toNode());
        }
        PhpArray out = new PhpArray();
        out.append(value);
        for (Map.Entry<Object, JsonNode> e : a.map.entrySet()) {
            if (e.getKey() instanceof Long) {
                out.append(e.getValue());
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return Values.copy(out.toNode());
    }

    private static JsonNode addAt(FilterCall c, boolean front) {
        if (c.arg(1).isNull()) {
            return add(c, container(c), c.arg(0), front);
        }
        JsonNode in = c.input().isNull() ? Values.object() : c.input();
        if (!in.isContainerNode()) {
            throw c.unsupported();
        }
        List<String> segs = Paths.segments(c.arg(1));
        JsonNode target = Values.orNull(Paths.read(in, segs));
        if (!target.isContainerNode() && !target.isNull()) {
            throw c.error("the value at path " + Values.toText(c.arg(1)) + " is not an array");
        }
        return Paths.write(in, segs, add(c, target, c.arg(0), front));
    }

    private static JsonNode merge(FilterCall c) {
        JsonNode in = container(c);
        JsonNode other = c.arg(0);
        if (in.isArray() && other.isArray()) {
            ArrayNode out = ((ArrayNode) in).deepCopy();
            other.forEach(e -> out.add(Values.copy(e)));
            return out;
        }
        if (in.isObject() && other.isObject()) {
            // spec 6.2: a shallow merge of objects, the right side winning; keys keep their names
            ObjectNode out = ((ObjectNode) in).deepCopy();
            other.fields().forEachRemaining(e -> out.set(e.getKey(), Values.copy(e.getValue())));
            return out;
        }
        if (in.isObject() && other.isArray()) {
            // a list merged into an object: its elements take the next numeric keys, as PHP's array_merge
            JsonNode out = in;
            for (JsonNode e : other) {
                out = add(c, out, e, false);
            }
            return out;
        }
        // a non-list argument (an object merged into a list, a scalar) is appended as one element
        return add(c, in, other, false);
    }

    /** PHP array_merge_recursive into a. */
    private static void mergeRecursive(PhpArray a, PhpArray b) {
        for (Map.Entry<Object, JsonNode> e : b.map.entrySet()) {
            if (e.getKey() instanceof Long) {
                a.append(e.getValue());
                continue;
            }
            JsonNode mine = a.map.get(e.getKey());
            if (mine == null) {
                a.put(e.getKey(), e.getValue());
                continue;
            }
            PhpArray inner = mine.isContainerNode() ? PhpArray.from(mine) : single(mine);
            if (e.getValue().isContainerNode()) {
                mergeRecursive(inner, PhpArray.from(e.getValue()));
            } else {
                inner.append(e.getValue());
            }
            a.put(e.getKey(), inner.toNode());
        }
    }

    private static PhpArray single(JsonNode v) {
        PhpArray a = new PhpArray();
        a.append(v);
        return a;
    }

    private static void flatten(JsonNode list, ArrayNode out) {
        for (JsonNode e : list) {
            if (e.isArray()) {
                flatten(e, out);
            } else {
                out.add(Values.copy(e));
            }
        }
    }

    private static JsonNode diffOrIntersect(FilterCall c, boolean keep) {
        JsonNode in = container(c);
        JsonNode other = c.arg(0);
        if (!other.isContainerNode() && !other.isNull()) {
            throw c.error("argument `other` expected an array, got " + Values.typeName(other));
        }
        Set<String> texts = new HashSet<>();
        Paths.elements(other).forEach(e -> texts.add(Values.toText(e)));
        return copyWhere(in, e -> texts.contains(Values.toText(e)) == keep);
    }

    /**
     * Copies of the elements of a list, or the entries of an object (keys kept), whose value passes
     * {@code keep}, in their order.
     */
    private static JsonNode copyWhere(JsonNode in, Predicate<JsonNode> keep) {
        if (in.isArray()) {
            ArrayNode out = Values.list();
            for (JsonNode e : in) {
                if (keep.test(e)) {
                    out.add(Values.copy(e));
                }
            }
            return out;
        }
        ObjectNode out = Values.object();
        Iterator<Map.Entry<String, JsonNode>> it = in.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (keep.test(e.getValue())) {
                out.set(e.getKey(), Values.copy(e.getValue()));
            }
        }
        return out;
    }

    private static JsonNode assoc(FilterCall c, boolean keep) {
        JsonNode other = c.arg(0);
        if (!other.isContainerNode() && !other.isNull()) {
            throw c.error("argument `other` expected an array, got " + Values.typeName(other));
        }
        PhpArray a = PhpArray.from(container(c));
        PhpArray b = PhpArray.from(other);
        PhpArray out = new PhpArray();
        for (Map.Entry<Object, JsonNode> e : a.map.entrySet()) {
            JsonNode o = b.map.get(e.getKey());
            boolean both = o != null && Values.toText(o).equals(Values.toText(e.getValue()));
            if (both == keep) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return Values.copy(out.toNode());
    }

    private static JsonNode indexBy(FilterCall c) {
        // An empty or null path keys each element by itself, as sort reads an empty path (§6.2).
        List<String> segs = Values.toText(c.arg(0)).isEmpty() ? List.of() : Paths.segments(c.arg(0));
        ObjectNode out = Values.object();
        for (JsonNode e : Paths.elements(container(c))) {
            String key = Values.toText(Values.orNull(Paths.read(e, segs)));
            JsonNode group = out.get(key);
            if (group == null) {
                group = out.putArray(key);
            }
            ((ArrayNode) group).add(Values.copy(e));
        }
        return out;
    }

    private static JsonNode drop(FilterCall c, Predicate<JsonNode> empty) {
        JsonNode in = container(c);
        List<String> segs = c.arg(0).isNull() ? null : Paths.segments(c.arg(0));
        return copyWhere(in, e -> !empty.test(segs == null ? e : Values.orNull(Paths.read(e, segs))));
    }

    private static JsonNode pick(FilterCall c, boolean keep) {
        Set<String> keys = new HashSet<>();
        c.arg(0).forEach(k -> keys.add(Values.toText(k)));
        JsonNode in = c.input().isNull() ? Values.object() : container(c);
        PhpArray a = PhpArray.from(in);
        PhpArray out = new PhpArray();
        for (Map.Entry<Object, JsonNode> e : a.map.entrySet()) {
            if (keys.contains(String.valueOf(e.getKey())) == keep) {
                out.put(e.getKey(), e.getValue());
            }
        }
        JsonNode node = out.toNode();
        if (in.isObject() && node.isArray() && node.isEmpty()) {
            return Values.object();
        }
        return Values.copy(node);
    }

    private static JsonNode range(FilterCall c) {
        JsonNode a = c.arg(0);
        JsonNode b = c.arg(1);
        JsonNode step = c.arg(2);
        ArrayNode out = Values.list();
        if (a.isIntegralNumber() && b.isIntegralNumber() && step.isIntegralNumber()) {
            long s = Math.abs(step.longValue());
            if (s == 0) {
                throw c.error("step exceeds the specified range");
            }
            long x = a.longValue();
            long y = b.longValue();
            if ((Math.abs((double) y - x) / s) > 10_000_000) {
                throw c.error("the range is too large");
            }
            if (x <= y) {
                for (long v = x; v <= y; v += s) {
                    out.add(Values.of(v));
                }
            } else {
                for (long v = x; v >= y; v -= s) {
                    out.add(Values.of(v));
                }
            }
            return out;
        }
        double s = Math.abs(step.doubleValue());
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (s == 0) {
            throw c.error("step exceeds the specified range");
        }
        long n = (long) Math.floor(Math.abs(y - x) / s + 1e-9);
        if (n > 10_000_000) {
            throw c.error("the range is too large");
        }
        for (long i = 0; i <= n; i++) {
            out.add(Values.of(x <= y ? x + i * s : x - i * s));
        }
        return out;
    }

    private static JsonNode slice(FilterCall c) {
        JsonNode in = container(c);
        int n = in.size();
        long off = c.integer(0);
        long from = off < 0 ? Math.max(0, n + off) : Math.min(off, n);
        long to;
        if (c.arg(1).isNull()) {
            to = n;
        } else {
            long len = c.integer(1);
            to = len < 0 ? n + len : Math.min(n, from + len);
        }
        if (in.isArray()) {
            ArrayNode out = Values.list();
            for (long i = from; i < to; i++) {
                out.add(Values.copy(in.get((int) i)));
            }
            return out;
        }
        PhpArray a = PhpArray.from(in);
        PhpArray out = new PhpArray();
        int i = 0;
        for (Map.Entry<Object, JsonNode> e : a.map.entrySet()) {
            if (i >= from && i < to) {
                if (e.getKey() instanceof Long) {
                    out.append(e.getValue());
                } else {
                    out.put(e.getKey(), e.getValue());
                }
            }
            i++;
        }
        JsonNode node = out.toNode();
        return node.isArray() && node.isEmpty() ? Values.object() : Values.copy(node);
    }

    private static JsonNode sort(FilterCall c) {
        List<JsonNode> xs = Paths.elements(container(c));
        List<JsonNode> keys = new ArrayList<>();
        if (c.hasLambda(0)) {
            Lambda key = c.lambda(0);
            JsonNode parent = c.input();
            for (int i = 0; i < xs.size(); i++) {
                keys.add(Values.orNull(key.apply(xs.get(i), Values.of(i), parent, null)));
            }
        } else {
            String path = Values.toText(c.arg(0));
            List<String> segs = path.isEmpty() ? null : Paths.segments(c.arg(0));
            for (JsonNode e : xs) {
                keys.add(segs == null ? e : Values.orNull(Paths.read(e, segs)));
            }
        }
        // no type written: PHP sort() standard comparison, so numbers sort numerically
        String type = c.has(1) ? TextFilters.lower(c.text(1)) : "standard";
        Comparator<JsonNode> cmp;
        switch (type) {
            case "standard":
                cmp = Operators::compare;
                break;
            case "text":
            case "string":
                cmp = (a, b) -> Values.compareText(Values.toText(a), Values.toText(b));
                break;
            case "itext":
            case "istring":
                cmp = (a, b) -> Values.compareText(TextFilters.lower(Values.toText(a)), TextFilters.lower(Values.toText(b)));
                break;
            case "number":
            case "numeric":
            case "int":
            case "decimal":
                cmp = (a, b) -> Values.compareNumbers(num(a), num(b));
                break;
            case "natural":
                cmp = (a, b) -> natural(Values.toText(a), Values.toText(b), false);
                break;
            case "inatural":
                cmp = (a, b) -> natural(Values.toText(a), Values.toText(b), true);
                break;
            default:
                throw c.error("unknown sort type \"" + c.text(1) + "\" (text, itext, number, natural, inatural)");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            order.add(i);
        }
        boolean asc = c.bool(2);
        Comparator<JsonNode> dir = asc ? cmp : cmp.reversed();
        order.sort((i, j) -> dir.compare(keys.get(i), keys.get(j)));
        ArrayNode out = Values.list();
        for (int i : order) {
            out.add(Values.copy(xs.get(i)));
        }
        return out;
    }

    private static JsonNode num(JsonNode v) {
        JsonNode n = Values.toNumber(v);
        return n == null ? Values.of(0) : n;
    }

    /** strnatcmp: runs of digits compare by value, everything else by character. */
    static int natural(String a, String b, boolean ignoreCase) {
        if (ignoreCase) {
            a = TextFilters.lower(a);
            b = TextFilters.lower(b);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String nx = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String ny = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                if (nx.length() != ny.length()) {
                    return Integer.compare(nx.length(), ny.length());
                }
                int d = nx.compareTo(ny);
                if (d != 0) {
                    return d;
                }
                continue;
            }
            if (x != y) {
                return Character.compare(x, y);
            }
            i++;
            j++;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
