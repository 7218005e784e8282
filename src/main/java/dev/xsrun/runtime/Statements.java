package dev.xsrun.runtime;

import dev.xsrun.value.Values;
import dev.xsrun.value.Json;
import dev.xsrun.value.XsError;
import dev.xsrun.value.TextTrim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.SourceSpan;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The statements that are not control flow: {@code api.request}, {@code debug.*}, {@code util.*},
 * {@code math.*}, {@code array.*}, {@code text.*}, {@code object.*}, {@code security.*}. Each is
 * one handler in a table keyed by the statement's name.
 */
final class Statements {
    /** One statement's behaviour. */
    @FunctionalInterface
    private interface Handler {
        void run(Stmt.Invoke s);
    }

    private final Interpreter in;
    private final RunContext ctx;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    private final StatementFamily family;
    private final StatementFamily.Host host;

    Statements(Interpreter in, RunContext ctx) {
        this.in = in;
        this.ctx = ctx;
        this.family = ctx.statements();
        this.host = new StatementFamily.Host() {
            public JsonNode eval(Expr e) {
                return in.eval(e);
            }

            public void result(Stmt.Invoke s, JsonNode value) {
                Statements.this.result(s, value);
            }

            public void execute(List<Stmt> body) {
                in.execute(body);
            }

            public void checkDeadline(SourceSpan at) {
                in.checkDeadline(at);
            }
        };
        handlers.put("api.request", this::apiRequest);
        handlers.put("debug.log", s -> ctx.debugLog().accept(where(s) + " " + logText(in.eval(attr(s, "value")))));
        handlers.put("debug.stop", s -> in.stop(in.evalOwned(attr(s, "value")), s.span()));
        handlers.put("util.sleep", this::sleep);
        handlers.put("util.get_env", s -> result(s, ctx.env().asObject()));
        handlers.put("util.get_all_input", s -> result(s, in.frame().input.deepCopy()));
        handlers.put("util.get_input", s -> result(s, Values.of(Json.encode(in.frame().input))));
        handlers.put("util.get_raw_input", s -> result(s, Values.of(Json.encode(in.frame().input))));
        handlers.put("util.get_vars", s -> result(s, in.snapshotVariables().deepCopy()));
        handlers.put("util.set_header", s -> ctx.warnings().accept(where(s) + " util.set_header has no effect in a run job"));
        handlers.put("util.geo_distance", this::geoDistance);
        handlers.put("util.template_engine", s -> result(s, Values.of(Templates.render(Values.toText(in.eval(attr(s, "value"))), in))));
        handlers.put("util.post_process", s -> in.frame().postProcess.add(s.clauses().getOrDefault("stack", List.of())));
        for (String op : List.of("add", "sub", "mul", "div", "mod", "bitwise.and", "bitwise.or", "bitwise.xor")) {
            handlers.put("math." + op, s -> math(s, op));
        }
        handlers.put("array.push", s -> listChange(s, true, false));
        handlers.put("array.unshift", s -> listChange(s, false, false));
        handlers.put("array.merge", s -> listChange(s, true, true));
        handlers.put("array.pop", s -> listTake(s, true));
        handlers.put("array.shift", s -> listTake(s, false));
        for (String op : List.of("find", "find_index", "has", "every", "filter", "filter_count", "partition")) {
            handlers.put("array." + op, s -> arraySearch(s, op));
        }
        handlers.put("array.map", this::arrayMap);
        handlers.put("array.group_by", this::arrayGroupBy);
        for (String op : List.of("union", "difference", "intersection")) {
            handlers.put("array." + op, s -> arraySet(s, op));
        }
        handlers.put("text.append", s -> textEdit(s, "append"));
        handlers.put("text.prepend", s -> textEdit(s, "prepend"));
        handlers.put("text.trim", s -> textEdit(s, "trim"));
        handlers.put("text.ltrim", s -> textEdit(s, "ltrim"));
        handlers.put("text.rtrim", s -> textEdit(s, "rtrim"));
        for (String op : List.of("contains", "icontains", "starts_with", "istarts_with", "ends_with", "iends_with")) {
            handlers.put("text." + op, s -> textTest(s, op));
        }
        handlers.put("object.keys", s -> objectView(s, "keys"));
        handlers.put("object.values", s -> objectView(s, "values"));
        handlers.put("object.entries", s -> objectView(s, "entries"));
        handlers.put("security.create_uuid", s -> result(s, Values.of(UUID.randomUUID().toString())));
        handlers.put("security.random_number", this::randomNumber);
        handlers.put("security.random_bytes", this::randomBytes);
        handlers.put("security.create_password", this::createPassword);
    }

    void run(Stmt.Invoke s) {
        Handler h = handlers.get(s.name());
        if (h == null && family != null && s.name().startsWith(family.prefix())) {
            family.run(s, host);
            return;
        }
        if (h == null) {
            StatementCatalogue.Shape shape = StatementCatalogue.lookup(s.name());
            boolean platform = shape != null && !shape.local() || StatementCatalogue.isNotLocalFamily(s.name());
            ctx.warnings().accept(s.span() + ": " + s.name() + (platform
                    ? " needs Xano's platform services (database, cache, storage...), which a local run does not have"
                    : " is not implemented in xsrun yet"));
            throw XsError.fatal("Unsupported statement: " + s.name()).at(s.span());
        }
        h.run(s);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static Expr attr(Stmt.Invoke s, String name) {
        Expr e = s.attribute(name);
        return e == null ? new Expr.Literal(Values.NULL, s.span()) : e;
    }

    private JsonNode attrValue(Stmt.Invoke s, String name, JsonNode fallback) {
        Expr e = s.attribute(name);
        return e == null ? fallback : in.eval(e);
    }

    private void result(Stmt.Invoke s, JsonNode value) {
        if (s.as() != null) {
            in.setVariable(s.as(), value);
        }
    }

    private String where(Stmt.Invoke s) {
        SourceSpan at = s.span();
        return "[debug] " + in.frame().function + ":" + at.line();
    }

    private static String logText(JsonNode v) {
        return v.isTextual() ? v.textValue() : Json.encode(v);
    }

    private JsonNode list(JsonNode v) {
        if (v.isArray()) {
            return v;
        }
        if (v.isObject()) {
            ArrayNode out = Values.list();
            v.forEach(out::add);
            return out;
        }
        return Values.list();
    }

    // ---- api.request and util ----------------------------------------------------------------

    private void apiRequest(Stmt.Invoke s) {
        ObjectNode attributes = Values.object();
        for (Map.Entry<String, Expr> a : s.attributes().entrySet()) {
            if (!StatementCatalogue.COMMON.contains(a.getKey())) {
                attributes.set(a.getKey(), in.eval(a.getValue()));
            }
        }
        in.checkDeadline(s.span());
        result(s, ctx.http().request(attributes));
    }

    private void sleep(Stmt.Invoke s) {
        double seconds = Values.toDouble(in.eval(attr(s, "value")));
        long millis = (long) Math.max(0, seconds * 1000);
        long left = ctx.limits().hasDeadline() ? (ctx.limits().deadlineNanos() - System.nanoTime()) / 1_000_000 : Long.MAX_VALUE;
        try {
            Thread.sleep(Math.min(millis, Math.max(0, left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.checkDeadline(s.span());
    }

    private void geoDistance(Stmt.Invoke s) {
        double lat1 = Math.toRadians(Values.toDouble(attrValue(s, "latitude_1", Values.of(0))));
        double lon1 = Math.toRadians(Values.toDouble(attrValue(s, "longitude_1", Values.of(0))));
        double lat2 = Math.toRadians(Values.toDouble(attrValue(s, "latitude_2", Values.of(0))));
        double lon2 = Math.toRadians(Values.toDouble(attrValue(s, "longitude_2", Values.of(0))));
        double h = Math.pow(Math.sin((lat2 - lat1) / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin((lon2 - lon1) / 2), 2);
        result(s, Values.of(2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))));
    }

    // ---- math.* ------------------------------------------------------------------------------

    private void math(Stmt.Invoke s, String op) {
        LValue target = s.target();
        JsonNode current = in.read(target);
        JsonNode value = in.eval(attr(s, "value"));
        JsonNode out;
        switch (op) {
            case "add":
                out = Values.add(current, value);
                break;
            case "sub":
                out = Values.subtract(current, value);
                break;
            case "mul":
                out = Values.multiply(current, value);
                break;
            case "div":
                out = Values.divide(current, value);
                break;
            case "mod":
                out = Values.modulo(current, value);
                break;
            case "bitwise.and":
                out = Values.of(Values.toLong(current) & Values.toLong(value));
                break;
            case "bitwise.or":
                out = Values.of(Values.toLong(current) | Values.toLong(value));
                break;
            default:
                out = Values.of(Values.toLong(current) ^ Values.toLong(value));
        }
        in.write(target, out);
    }

    // ---- array.* ------------------------------------------------------------------------------

    /** push/unshift/merge change the target list in place: the variable owns it, so no copy is needed. */
    private void listChange(Stmt.Invoke s, boolean atEnd, boolean merge) {
        LValue target = s.target();
        JsonNode current = in.read(target);
        JsonNode value = in.evalOwned(attr(s, "value"));
        ArrayNode list;
        if (current.isArray()) {
            list = (ArrayNode) current;
        } else {
            list = Values.list();
            if (current.isObject()) {
                current.forEach(list::add);
            } else if (!current.isNull()) {
                list.add(current);
            }
        }
        List<JsonNode> items = new ArrayList<>();
        if (merge && value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        if ((long) list.size() + items.size() > ctx.limits().maxValueBytes() / 16) {
            throw XsError.fatal("Execution limit exceeded: list grew beyond " + ctx.limits().maxValueBytes() / 16 + " elements");
        }
        if (atEnd) {
            list.addAll(items);
        } else {
            for (int k = items.size() - 1; k >= 0; k--) {
                list.insert(0, items.get(k));
            }
        }
        if (list != current) {
            in.write(target, list);
        }
    }

    private void listTake(Stmt.Invoke s, boolean last) {
        JsonNode current = in.read(s.target());
        JsonNode taken = Values.NULL;
        if (current.isArray() && current.size() > 0) {
            taken = ((ArrayNode) current).remove(last ? current.size() - 1 : 0);
        }
        result(s, taken);
    }

    private boolean matches(Stmt.Invoke s, JsonNode element, int index, JsonNode parent) {
        return Values.truthy(in.withElement(element, Values.of(index), parent, null, () -> in.eval(s.condition())));
    }

    private void arraySearch(Stmt.Invoke s, String op) {
        JsonNode source = list(in.eval(s.targetExpr()));
        ArrayNode hits = Values.list();
        ArrayNode misses = Values.list();
        for (int i = 0; i < source.size(); i++) {
            JsonNode e = source.get(i);
            boolean m = matches(s, e, i, source);
            switch (op) {
                case "find":
                    if (m) {
                        result(s, Values.copy(e));
                        return;
                    }
                    break;
                case "find_index":
                    if (m) {
                        result(s, Values.of(i));
                        return;
                    }
                    break;
                case "has":
                    if (m) {
                        result(s, Values.TRUE);
                        return;
                    }
                    break;
                case "every":
                    if (!m) {
                        result(s, Values.FALSE);
                        return;
                    }
                    break;
                default:
                    (m ? hits : misses).add(Values.copy(e));
            }
        }
        switch (op) {
            case "find":
                result(s, Values.NULL);
                break;
            case "find_index":
                result(s, Values.of(-1));
                break;
            case "has":
                result(s, Values.FALSE);
                break;
            case "every":
                result(s, Values.TRUE);
                break;
            case "filter":
                result(s, hits);
                break;
            case "filter_count":
                result(s, Values.of(hits.size()));
                break;
            default: {
                ArrayNode both = Values.list();
                both.add(hits);
                both.add(misses);
                result(s, both);
            }
        }
    }

    private JsonNode by(Stmt.Invoke s, JsonNode element, int index, JsonNode parent) {
        Expr by = s.attribute("by");
        if (by == null) {
            return element;
        }
        return in.withElement(element, Values.of(index), parent, null, () -> in.eval(by));
    }

    private void arrayMap(Stmt.Invoke s) {
        JsonNode source = list(in.eval(s.targetExpr()));
        ArrayNode out = Values.list();
        for (int i = 0; i < source.size(); i++) {
            out.add(Values.copy(by(s, source.get(i), i, source)));
        }
        result(s, out);
    }

    private void arrayGroupBy(Stmt.Invoke s) {
        JsonNode source = list(in.eval(s.targetExpr()));
        ObjectNode out = Values.object();
        for (int i = 0; i < source.size(); i++) {
            String key = Values.toText(by(s, source.get(i), i, source));
            JsonNode group = out.get(key);
            if (group == null) {
                group = out.putArray(key);
            }
            ((ArrayNode) group).add(Values.copy(source.get(i)));
        }
        result(s, out);
    }

    private void arraySet(Stmt.Invoke s, String op) {
        JsonNode source = list(in.eval(s.targetExpr()));
        JsonNode other = list(in.eval(attr(s, "value")));
        Set<String> otherKeys = new LinkedHashSet<>();
        for (int i = 0; i < other.size(); i++) {
            otherKeys.add(Json.encode(by(s, other.get(i), i, other)));
        }
        ArrayNode out = Values.list();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < source.size(); i++) {
            String key = Json.encode(by(s, source.get(i), i, source));
            boolean inOther = otherKeys.contains(key);
            boolean keep = op.equals("union") ? seen.add(key) : op.equals("difference") ? !inOther : inOther;
            if (keep) {
                out.add(Values.copy(source.get(i)));
            }
        }
        if (op.equals("union")) {
            for (int i = 0; i < other.size(); i++) {
                String key = Json.encode(by(s, other.get(i), i, other));
                if (seen.add(key)) {
                    out.add(Values.copy(other.get(i)));
                }
            }
        }
        result(s, out);
    }

    /** Applies a {@code remove} done inside a foreach to the variable the loop went over. */
    void removeElements(Expr listExpr, JsonNode list, List<Integer> removed, SourceSpan at) {
        LValue target = lvalueOf(listExpr);
        if (target == null) {
            throw XsError.fatal("`remove` needs the foreach list to be a variable").at(at);
        }
        Set<Integer> drop = new LinkedHashSet<>(removed);
        ArrayNode out = Values.list();
        int i = 0;
        Iterator<JsonNode> it = list.elements();
        while (it.hasNext()) {
            JsonNode e = it.next();
            if (!drop.contains(i++)) {
                out.add(e);
            }
        }
        in.write(target, out);
    }

    private static LValue lvalueOf(Expr e) {
        List<Expr> path = new ArrayList<>();
        Expr cur = e;
        while (true) {
            if (cur instanceof Expr.Field) {
                path.add(0, new Expr.Literal(Values.of(((Expr.Field) cur).name()), cur.span()));
                cur = ((Expr.Field) cur).target();
            } else if (cur instanceof Expr.Index) {
                path.add(0, ((Expr.Index) cur).index());
                cur = ((Expr.Index) cur).target();
            } else if (cur instanceof Expr.Variable && ((Expr.Variable) cur).kind() == Expr.Variable.Kind.VAR) {
                String name = ((Expr.Variable) cur).name();
                if (name.equals("input") || name.equals("env")) {
                    return null;
                }
                return new LValue(name, path, cur.span());
            } else {
                return null;
            }
        }
    }

    // ---- text.* and object.* --------------------------------------------------------------------

    private void textEdit(Stmt.Invoke s, String op) {
        String current = Values.toText(in.read(s.target()));
        String value = Values.toText(attrValue(s, "value", Values.NULL));
        String out;
        switch (op) {
            case "append":
                out = current + value;
                break;
            case "prepend":
                out = value + current;
                break;
            default:
                out = TextTrim.trim(current, value.isEmpty() ? TextTrim.WHITESPACE : value, !op.equals("rtrim"), !op.equals("ltrim"));
        }
        in.write(s.target(), Values.of(out));
    }

    private void textTest(Stmt.Invoke s, String op) {
        String current = Values.toText(in.read(s.target()));
        String value = Values.toText(attrValue(s, "value", Values.NULL));
        boolean ignoreCase = op.startsWith("i");
        if (ignoreCase) {
            current = current.toLowerCase();
            value = value.toLowerCase();
        }
        boolean r;
        if (op.endsWith("contains")) {
            r = current.contains(value);
        } else if (op.endsWith("starts_with")) {
            r = current.startsWith(value);
        } else {
            r = current.endsWith(value);
        }
        result(s, Values.of(r));
    }

    private void objectView(Stmt.Invoke s, String op) {
        JsonNode v = in.eval(attr(s, "value"));
        ArrayNode out = Values.list();
        if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                add(out, op, Values.of(e.getKey()), e.getValue());
            }
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                add(out, op, Values.of(i), v.get(i));
            }
        }
        result(s, out);
    }

    private static void add(ArrayNode out, String op, JsonNode key, JsonNode value) {
        switch (op) {
            case "keys":
                out.add(key);
                break;
            case "values":
                out.add(Values.copy(value));
                break;
            default: {
                ObjectNode entry = out.addObject();
                entry.set("key", key);
                entry.set("value", Values.copy(value));
            }
        }
    }

    // ---- security.* ------------------------------------------------------------------------------

    private void randomNumber(Stmt.Invoke s) {
        long min = Values.toLong(attrValue(s, "min", Values.of(0)));
        long max = Values.toLong(attrValue(s, "max", Values.of(9007199254740991L)));
        if (max < min) {
            throw XsError.fatal("security.random_number: max is below min").at(s.span());
        }
        long span = max - min + 1;
        long r = span <= 0 ? random.nextLong() : min + (long) Math.floor(random.nextDouble() * span);
        result(s, Values.of(Math.min(max, Math.max(min, r))));
    }

    private void randomBytes(Stmt.Invoke s) {
        int length = (int) Math.max(0, Math.min(1 << 20, Values.toLong(attrValue(s, "length", Values.of(1)))));
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        result(s, dev.xsrun.filters.Bytes.of(bytes));
    }

    private void createPassword(Stmt.Invoke s) {
        int count = (int) Math.max(1, Math.min(1024, Values.toLong(attrValue(s, "character_count", Values.of(12)))));
        boolean lower = Values.truthy(attrValue(s, "require_lowercase", Values.TRUE));
        boolean upper = Values.truthy(attrValue(s, "require_uppercase", Values.TRUE));
        boolean digit = Values.truthy(attrValue(s, "require_digit", Values.TRUE));
        boolean symbol = Values.truthy(attrValue(s, "require_symbol", Values.FALSE));
        String symbols = Values.toText(attrValue(s, "symbol_whitelist", Values.of("")));
        if (symbols.isEmpty()) {
            symbols = "!@#$%^&*()-_=+[]{};:,.?";
        }
        Map<String, String> classes = new LinkedHashMap<>();
        if (lower) {
            classes.put("lower", "abcdefghijklmnopqrstuvwxyz");
        }
        if (upper) {
            classes.put("upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (digit) {
            classes.put("digit", "0123456789");
        }
        if (symbol) {
            classes.put("symbol", symbols);
        }
        if (classes.isEmpty()) {
            classes.put("lower", "abcdefghijklmnopqrstuvwxyz");
        }
        String all = String.join("", classes.values());
        List<Character> chars = new ArrayList<>();
        for (String c : classes.values()) {
            chars.add(c.charAt(random.nextInt(c.length())));
        }
        while (chars.size() < count) {
            chars.add(all.charAt(random.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, random);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(chars.get(i));
        }
        result(s, Values.of(sb.toString()));
    }
}
