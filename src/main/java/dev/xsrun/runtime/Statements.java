package dev.xsrun.runtime;

import dev.xsrun.value.Json;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Randomness;
import dev.xsrun.value.TextTrim;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.ast.Stmt;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The runtime's own statements that are not control flow, as a {@link StatementFamily}:
 * {@code api.request}, {@code debug.*}, {@code util.*}, {@code math.*}, {@code array.*},
 * {@code text.*}, {@code object.*}, {@code security.*}. Each compiles, once, to an action over its
 * compiled attributes; the actions run on the {@link Frame} that is their {@link StatementRun}.
 */
final class Statements implements StatementFamily {
    private static final Set<String> NAMES = Set.of(
            "api.request", "debug.log", "debug.stop",
            "util.sleep", "util.get_env", "util.get_all_input", "util.get_input", "util.get_raw_input", "util.get_vars",
            "util.set_header", "util.geo_distance", "util.template_engine", "util.post_process",
            "math.add", "math.sub", "math.mul", "math.div", "math.mod", "math.bitwise.and", "math.bitwise.or", "math.bitwise.xor",
            "array.push", "array.unshift", "array.merge", "array.pop", "array.shift",
            "array.find", "array.find_index", "array.has", "array.every", "array.filter", "array.filter_count", "array.partition",
            "array.map", "array.group_by", "array.union", "array.difference", "array.intersection",
            "text.append", "text.prepend", "text.trim", "text.ltrim", "text.rtrim",
            "text.contains", "text.icontains", "text.starts_with", "text.istarts_with", "text.ends_with", "text.iends_with",
            "object.keys", "object.values", "object.entries",
            "security.create_uuid", "security.random_number", "security.random_bytes", "security.create_password",
            "security.check_password", "security.encrypt", "security.decrypt", "security.jws_encode", "security.jws_decode",
            "security.jwe_encode", "security.jwe_decode", "security.create_secret_key", "security.create_curve_key",
            "security.create_rsa_key");

    private final RunContext ctx;
    /** Shared by every run (it is thread-safe): seeding one per run cost more than a small unit test. */

    Statements(RunContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean owns(String name) {
        return NAMES.contains(name);
    }

    @Override
    public Action compile(Stmt.Invoke s, StatementCompiler c) {
        String name = s.name();
        int dot = name.indexOf('.');
        String op = name.substring(dot + 1);
        switch (name.substring(0, dot)) {
            case "api":
                return apiRequest(s, c);
            case "debug":
                return debug(s, c, op);
            case "util":
                return util(s, c, op);
            case "math":
                return math(c, op);
            case "array":
                return array(s, c, op);
            case "text":
                return op.equals("append") || op.equals("prepend") || op.endsWith("trim") ? textEdit(c, op) : textTest(c, op);
            case "object":
                return objectView(c, op);
            default:
                return security(c, op);
        }
    }

    private static Frame frame(StatementRun run) {
        return (Frame) run;
    }

    // ---- api.request, debug.* and util.* --------------------------------------------------------

    private Action apiRequest(Stmt.Invoke s, StatementCompiler c) {
        List<String> names = new ArrayList<>();
        List<Code> values = new ArrayList<>();
        for (Map.Entry<String, Expr> a : s.attributes().entrySet()) {
            if (!StatementCatalogue.COMMON.contains(a.getKey())) {
                names.add(a.getKey());
                values.add(c.code(a.getValue()));
            }
        }
        return run -> {
            Frame f = frame(run);
            ObjectNode attributes = Values.object();
            for (int i = 0; i < values.size(); i++) {
                attributes.set(names.get(i), values.get(i).eval(f));
            }
            f.in.checkDeadline(s.span());
            run.setResult(ctx.http().request(attributes));
        };
    }

    private Action debug(Stmt.Invoke s, StatementCompiler c, String op) {
        if (op.equals("stop")) {
            Code value = c.owned("value", Values.NULL);
            return run -> Interpreter.stop(value.eval(frame(run)), s.span());
        }
        Code value = c.code("value", Values.NULL);
        return run -> {
            JsonNode v = value.eval(frame(run));
            ctx.debugLog().accept("[debug] " + run.function() + ":" + s.span().line() + " " + (v.isTextual() ? v.textValue() : Json.encode(v)));
        };
    }

    private Action util(Stmt.Invoke s, StatementCompiler c, String op) {
        switch (op) {
            case "sleep": {
                Code value = c.code("value", Values.NULL);
                return run -> sleep(frame(run), Values.toDouble(value.eval(frame(run))), s);
            }
            case "get_env":
                return run -> run.setResult(ctx.env().asObject());
            case "get_all_input":
                return run -> run.setResult(run.input().deepCopy());
            case "get_input":
            case "get_raw_input":
                return run -> run.setResult(Values.of(Json.encode(run.input())));
            case "get_vars":
                c.listsVariables();
                return run -> run.setResult(frame(run).snapshotVariables().deepCopy());
            case "set_header": {
                String warning = ":" + s.span().line() + " util.set_header has no effect in a run job";
                return run -> ctx.warnings().accept("[debug] " + run.function() + warning);
            }
            case "geo_distance":
                return geoDistance(c);
            case "template_engine": {
                Code value = c.code("value", Values.NULL);
                return run -> run.setResult(Values.of(Templates.render(Values.toText(value.eval(frame(run))), frame(run))));
            }
            default: {
                Step.Block body = c.block(s.clauses().getOrDefault("stack", List.of()));
                return run -> frame(run).addPostProcess(body);
            }
        }
    }

    private void sleep(Frame f, double seconds, Stmt.Invoke s) {
        long millis = (long) Math.max(0, seconds * 1000);
        Limits limits = ctx.limits();
        long left = limits.hasDeadline() ? (limits.deadlineNanos() - System.nanoTime()) / 1_000_000 : Long.MAX_VALUE;
        try {
            Thread.sleep(Math.min(millis, Math.max(0, left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        f.in.checkDeadline(s.span());
    }

    private static Action geoDistance(StatementCompiler c) {
        Code lat1 = c.code("latitude_1", Values.of(0));
        Code lon1 = c.code("longitude_1", Values.of(0));
        Code lat2 = c.code("latitude_2", Values.of(0));
        Code lon2 = c.code("longitude_2", Values.of(0));
        return run -> {
            Frame f = frame(run);
            double a1 = Math.toRadians(Values.toDouble(lat1.eval(f)));
            double o1 = Math.toRadians(Values.toDouble(lon1.eval(f)));
            double a2 = Math.toRadians(Values.toDouble(lat2.eval(f)));
            double o2 = Math.toRadians(Values.toDouble(lon2.eval(f)));
            double h = Math.pow(Math.sin((a2 - a1) / 2), 2) + Math.cos(a1) * Math.cos(a2) * Math.pow(Math.sin((o2 - o1) / 2), 2);
            run.setResult(Values.of(2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))));
        };
    }

    // ---- math.* ------------------------------------------------------------------------------

    /** {@code math.add $x { value = 1 }}: the operator of the same meaning applied to the target, in place. */
    private static Action math(StatementCompiler c, String op) {
        Place target = c.place();
        Code value = c.code("value", Values.NULL);
        java.util.function.BinaryOperator<JsonNode> apply;
        switch (op) {
            case "add":
                apply = Operators::add;
                break;
            case "sub":
                apply = Operators::subtract;
                break;
            case "mul":
                apply = Operators::multiply;
                break;
            case "div":
                apply = Operators::divide;
                break;
            case "mod":
                apply = Operators::modulo;
                break;
            case "bitwise.and":
                apply = (a, b) -> Values.of(Values.toLong(a) & Values.toLong(b));
                break;
            case "bitwise.or":
                apply = (a, b) -> Values.of(Values.toLong(a) | Values.toLong(b));
                break;
            default:
                apply = (a, b) -> Values.of(Values.toLong(a) ^ Values.toLong(b));
        }
        return run -> {
            Frame f = frame(run);
            JsonNode current = target.read(f);
            target.write(f, apply.apply(current, value.eval(f)));
        };
    }

    // ---- array.* ------------------------------------------------------------------------------

    private Action array(Stmt.Invoke s, StatementCompiler c, String op) {
        switch (op) {
            case "push":
                return listChange(c, true, false);
            case "unshift":
                return listChange(c, false, false);
            case "merge":
                return listChange(c, true, true);
            case "pop":
                return listTake(c, true);
            case "shift":
                return listTake(c, false);
            case "map":
                return arrayMap(s, c);
            case "group_by":
                return arrayGroupBy(s, c);
            case "union":
            case "difference":
            case "intersection":
                return arraySet(s, c, op);
            default:
                return arraySearch(s, c, op);
        }
    }

    /** push/unshift/merge change the target list in place: the variable owns it, so no copy is needed. */
    private Action listChange(StatementCompiler c, boolean atEnd, boolean merge) {
        Place target = c.place();
        Code valueCode = c.owned("value", Values.NULL);
        long maxElements = ctx.limits().maxValueBytes() / 16;
        return run -> {
            Frame f = frame(run);
            JsonNode current = target.read(f);
            JsonNode value = valueCode.eval(f);
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
            int adding = merge && value.isArray() ? value.size() : 1;
            if ((long) list.size() + adding > maxElements) {
                throw XsError.fatal("Execution limit exceeded: list grew beyond " + maxElements + " elements");
            }
            if (merge && value.isArray()) {
                List<JsonNode> items = new ArrayList<>(adding);
                value.forEach(items::add);
                if (atEnd) {
                    list.addAll(items);
                } else {
                    for (int k = items.size() - 1; k >= 0; k--) {
                        list.insert(0, items.get(k));
                    }
                }
            } else if (atEnd) {
                list.add(value);
            } else {
                list.insert(0, value);
            }
            if (list != current) {
                target.write(f, list);
            }
        };
    }

    private static Action listTake(StatementCompiler c, boolean last) {
        Place target = c.place();
        return run -> {
            JsonNode current = target.read(frame(run));
            JsonNode taken = Values.NULL;
            if (current.isArray() && current.size() > 0) {
                taken = ((ArrayNode) current).remove(last ? current.size() - 1 : 0);
            }
            run.setResult(taken);
        };
    }

    private static JsonNode list(JsonNode v) {
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

    /** The statement's target expression ({@code array.find ($list)}) compiled; NULL when it has none. */
    private static Code source(Stmt.Invoke s, StatementCompiler c) {
        return s.targetExpr() == null ? new Code.Const(Values.NULL) : c.code(s.targetExpr());
    }

    private static Code condition(Stmt.Invoke s, StatementCompiler c) {
        return s.condition() == null ? new Code.Const(Values.NULL) : c.code(s.condition());
    }

    private static Action arraySearch(Stmt.Invoke s, StatementCompiler c, String op) {
        Code sourceCode = source(s, c);
        Code condition = condition(s, c);
        return run -> {
            Frame f = frame(run);
            JsonNode source = list(sourceCode.eval(f));
            ArrayNode hits = Values.list();
            ArrayNode misses = Values.list();
            for (int i = 0; i < source.size(); i++) {
                JsonNode e = source.get(i);
                boolean m = Operators.truthy(f.withElement(e, Values.of(i), source, null, condition));
                switch (op) {
                    case "find":
                        if (m) {
                            run.setResult(Values.copy(e));
                            return;
                        }
                        break;
                    case "find_index":
                        if (m) {
                            run.setResult(Values.of(i));
                            return;
                        }
                        break;
                    case "has":
                        if (m) {
                            run.setResult(Values.TRUE);
                            return;
                        }
                        break;
                    case "every":
                        if (!m) {
                            run.setResult(Values.FALSE);
                            return;
                        }
                        break;
                    default:
                        (m ? hits : misses).add(Values.copy(e));
                }
            }
            switch (op) {
                case "find":
                    run.setResult(Values.NULL);
                    break;
                case "find_index":
                    run.setResult(Values.of(-1));
                    break;
                case "has":
                    run.setResult(Values.FALSE);
                    break;
                case "every":
                    run.setResult(Values.TRUE);
                    break;
                case "filter":
                    run.setResult(hits);
                    break;
                case "filter_count":
                    run.setResult(Values.of(hits.size()));
                    break;
                default: {
                    ArrayNode both = Values.list();
                    both.add(hits);
                    both.add(misses);
                    run.setResult(both);
                }
            }
        };
    }

    /** The {@code by} of an element (the element itself when the statement has no {@code by}). */
    private static JsonNode by(Frame f, Code by, JsonNode element, int index, JsonNode parent) {
        return by == null ? element : f.withElement(element, Values.of(index), parent, null, by);
    }

    private static Code by(Stmt.Invoke s, StatementCompiler c) {
        Expr by = s.attribute("by");
        return by == null ? null : c.code(by);
    }

    private static Action arrayMap(Stmt.Invoke s, StatementCompiler c) {
        Code sourceCode = source(s, c);
        Code by = by(s, c);
        return run -> {
            Frame f = frame(run);
            JsonNode source = list(sourceCode.eval(f));
            ArrayNode out = Values.list();
            for (int i = 0; i < source.size(); i++) {
                out.add(Values.copy(by(f, by, source.get(i), i, source)));
            }
            run.setResult(out);
        };
    }

    private static Action arrayGroupBy(Stmt.Invoke s, StatementCompiler c) {
        Code sourceCode = source(s, c);
        Code by = by(s, c);
        return run -> {
            Frame f = frame(run);
            JsonNode source = list(sourceCode.eval(f));
            ObjectNode out = Values.object();
            for (int i = 0; i < source.size(); i++) {
                String key = Values.toText(by(f, by, source.get(i), i, source));
                JsonNode group = out.get(key);
                if (group == null) {
                    group = out.putArray(key);
                }
                ((ArrayNode) group).add(Values.copy(source.get(i)));
            }
            run.setResult(out);
        };
    }

    private static Action arraySet(Stmt.Invoke s, StatementCompiler c, String op) {
        Code sourceCode = source(s, c);
        Code otherCode = c.code("value", Values.NULL);
        Code by = by(s, c);
        return run -> {
            Frame f = frame(run);
            JsonNode source = list(sourceCode.eval(f));
            JsonNode other = list(otherCode.eval(f));
            Set<String> otherKeys = new LinkedHashSet<>();
            for (int i = 0; i < other.size(); i++) {
                otherKeys.add(Json.encode(by(f, by, other.get(i), i, other)));
            }
            ArrayNode out = Values.list();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < source.size(); i++) {
                String key = Json.encode(by(f, by, source.get(i), i, source));
                boolean inOther = otherKeys.contains(key);
                boolean keep = op.equals("union") ? seen.add(key) : op.equals("difference") ? !inOther : inOther;
                if (keep) {
                    out.add(Values.copy(source.get(i)));
                }
            }
            if (op.equals("union")) {
                for (int i = 0; i < other.size(); i++) {
                    String key = Json.encode(by(f, by, other.get(i), i, other));
                    if (seen.add(key)) {
                        out.add(Values.copy(other.get(i)));
                    }
                }
            }
            run.setResult(out);
        };
    }

    // ---- text.* and object.* --------------------------------------------------------------------

    private static Action textEdit(StatementCompiler c, String op) {
        Place target = c.place();
        Code valueCode = c.code("value", Values.NULL);
        return run -> {
            Frame f = frame(run);
            String current = Values.toText(target.read(f));
            String value = Values.toText(valueCode.eval(f));
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
            target.write(f, Values.of(out));
        };
    }

    private static Action textTest(StatementCompiler c, String op) {
        Place target = c.place();
        Code valueCode = c.code("value", Values.NULL);
        boolean ignoreCase = op.startsWith("i");
        return run -> {
            Frame f = frame(run);
            String current = Values.toText(target.read(f));
            String value = Values.toText(valueCode.eval(f));
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
            run.setResult(Values.of(r));
        };
    }

    private static Action objectView(StatementCompiler c, String op) {
        Code valueCode = c.code("value", Values.NULL);
        return run -> {
            JsonNode v = valueCode.eval(frame(run));
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
            run.setResult(out);
        };
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

    private Action security(StatementCompiler c, String op) {
        switch (op) {
            case "create_uuid":
                return run -> run.setResult(Values.of(UUID.randomUUID().toString()));
            case "random_number": {
                Code min = c.code("min", Values.of(0));
                Code max = c.code("max", Values.of(9007199254740991L));
                return run -> randomNumber(run, Values.toLong(min.eval(frame(run))), Values.toLong(max.eval(frame(run))), c.statement());
            }
            case "random_bytes": {
                Code length = c.code("length", Values.of(1));
                return run -> {
                    int n = (int) Math.max(0, Math.min(1 << 20, Values.toLong(length.eval(frame(run)))));
                    byte[] bytes = new byte[n];
                    Randomness.get().nextBytes(bytes);
                    run.setResult(dev.xsrun.filters.Bytes.of(bytes));
                };
            }
            case "create_password":
                return createPassword(c);
            case "check_password":
                return crypto(c, SecurityStatements::checkPassword);
            case "encrypt":
                return crypto(c, SecurityStatements::encrypt);
            case "decrypt":
                return crypto(c, SecurityStatements::decrypt);
            case "jws_encode":
                return crypto(c, SecurityStatements::jwsEncode);
            case "jws_decode":
                return crypto(c, SecurityStatements::jwsDecode);
            case "jwe_encode":
                return crypto(c, SecurityStatements::jweEncode);
            case "jwe_decode":
                return crypto(c, SecurityStatements::jweDecode);
            case "create_secret_key":
                return crypto(c, SecurityStatements::createSecretKey);
            case "create_curve_key":
                return crypto(c, SecurityStatements::createCurveKey);
            default:
                return crypto(c, SecurityStatements::createRsaKey);
        }
    }

    /**
     * A {@link SecurityStatements} operation over the statement's compiled attributes: a failed token
     * check is access denied (403), any other failure a fatal error, each naming the statement.
     */
    private static Action crypto(StatementCompiler c, java.util.function.Function<java.util.function.Function<String, JsonNode>, JsonNode> op) {
        Stmt.Invoke s = c.statement();
        String name = s.name();
        Map<String, Code> attributes = new java.util.HashMap<>();
        for (Map.Entry<String, Expr> a : s.attributes().entrySet()) {
            attributes.put(a.getKey(), c.code(a.getValue()));
        }
        return run -> {
            Frame f = frame(run);
            try {
                run.setResult(op.apply(attribute -> {
                    Code code = attributes.get(attribute);
                    return code == null ? null : code.eval(f);
                }));
            } catch (dev.xsrun.filters.Crypto.Failure e) {
                String message = name + ": " + e.getMessage();
                throw (name.endsWith("_decode")
                        ? new XsError(XsError.Kind.RUNTIME, "ERROR_CODE_ACCESS_DENIED", "accessdenied", 403, message, null, null)
                        : XsError.fatal(message)).at(s.span());
            }
        };
    }

    private void randomNumber(StatementRun run, long min, long max, Stmt.Invoke s) {
        if (max < min) {
            throw XsError.fatal("security.random_number: max is below min").at(s.span());
        }
        long span = max - min + 1;
        long r = span <= 0 ? Randomness.get().nextLong() : min + (long) Math.floor(Randomness.get().nextDouble() * span);
        run.setResult(Values.of(Math.min(max, Math.max(min, r))));
    }

    private Action createPassword(StatementCompiler c) {
        Code countCode = c.code("character_count", Values.of(12));
        Code lowerCode = c.code("require_lowercase", Values.TRUE);
        Code upperCode = c.code("require_uppercase", Values.TRUE);
        Code digitCode = c.code("require_digit", Values.TRUE);
        Code symbolCode = c.code("require_symbol", Values.FALSE);
        Code whitelist = c.code("symbol_whitelist", Values.of(""));
        return run -> {
            Frame f = frame(run);
            int count = (int) Math.max(1, Math.min(1024, Values.toLong(countCode.eval(f))));
            boolean lower = Operators.truthy(lowerCode.eval(f));
            boolean upper = Operators.truthy(upperCode.eval(f));
            boolean digit = Operators.truthy(digitCode.eval(f));
            boolean symbol = Operators.truthy(symbolCode.eval(f));
            String symbols = Values.toText(whitelist.eval(f));
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
            for (String k : classes.values()) {
                chars.add(k.charAt(Randomness.get().nextInt(k.length())));
            }
            while (chars.size() < count) {
                chars.add(all.charAt(Randomness.get().nextInt(all.length())));
            }
            java.util.Collections.shuffle(chars, Randomness.get());
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                sb.append(chars.get(i));
            }
            run.setResult(Values.of(sb.toString()));
        };
    }
}
