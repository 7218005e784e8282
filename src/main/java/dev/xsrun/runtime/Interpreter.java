package dev.xsrun.runtime;

import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.Names;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.filters.FilterBinder;
import dev.xsrun.filters.FilterCall;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.filters.FilterRuntime;
import dev.xsrun.filters.FilterSpec;
import dev.xsrun.filters.Lambda;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A tree-walking interpreter for functions and run jobs. One flat variable scope per function call;
 * values have value semantics: whatever is stored from an expression that may share structure with
 * another variable is copied, so in-place statements ({@code array.push}, {@code var.update $a[i]})
 * can change their own variable without copying it each time.
 */
public final class Interpreter implements Expr.Visitor<JsonNode>, FilterRuntime {
    private final RunContext ctx;
    private final Statements statements;
    private final Map<String, FilterRegistry.Entry> filterCache = new HashMap<>();
    private final Map<Expr, Boolean> elementUse = new java.util.IdentityHashMap<>();
    private Frame frame;
    private Element element;
    /** Compiled code by function and by statement list (the tree is immutable, so identity is enough). */
    private final Map<Document.FunctionDef, Compiler.Function> compiled = new IdentityHashMap<>();
    private final Map<List<Stmt>, Step.Block> blocks = new IdentityHashMap<>();
    private int depth;
    private long ticks;
    /** Read on every loop iteration, so kept at hand. */
    private final long maxLoopIterations;
    /** Counted by {@link #execute} and by compiled blocks alike. */
    long statementCount;

    /** The element bindings of a higher-order filter or array statement: $$, $index, $parent, $result. */
    private static final class Element {
        final JsonNode self;
        final JsonNode index;
        final JsonNode parent;
        final JsonNode result;
        final Element outer;

        Element(JsonNode self, JsonNode index, JsonNode parent, JsonNode result, Element outer) {
            this.self = self;
            this.index = index;
            this.parent = parent;
            this.result = result;
            this.outer = outer;
        }
    }

    /** Unwinds to the function: {@code return}. */
    static final class ReturnSignal extends RuntimeException {
        final JsonNode value;

        ReturnSignal(JsonNode value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /** Unwinds the whole job: {@code debug.stop}. */
    public static final class StopSignal extends RuntimeException {
        public final JsonNode value;
        public final SourceSpan at;

        StopSignal(JsonNode value, SourceSpan at) {
            super(null, null, false, false);
            this.value = value;
            this.at = at;
        }
    }

    /** Loop control: {@code break}, {@code continue}, {@code remove}. */
    static final class JumpSignal extends RuntimeException {
        final Stmt.Jump.Kind kind;

        JumpSignal(Stmt.Jump.Kind kind) {
            super(null, null, false, false);
            this.kind = kind;
        }
    }

    static final JumpSignal BREAK = new JumpSignal(Stmt.Jump.Kind.BREAK);
    static final JumpSignal CONTINUE = new JumpSignal(Stmt.Jump.Kind.CONTINUE);
    static final JumpSignal REMOVE = new JumpSignal(Stmt.Jump.Kind.REMOVE);

    public Interpreter(RunContext ctx) {
        this.ctx = ctx;
        this.statements = new Statements(this, ctx);
        this.maxLoopIterations = ctx.limits().maxLoopIterations();
    }

    RunContext context() {
        return ctx;
    }

    Frame frame() {
        return frame;
    }

    Statements statements() {
        return statements;
    }

    // ---- running a job and calling functions ---------------------------------------------------

    /** Runs the program's job: pre, main with its input, post; returns main's result. */
    public JsonNode runJob(JsonNode inputOverride) {
        Document.RunJob job = ctx.program().job();
        if (job == null) {
            throw XsError.source("no run.job found", null);
        }
        if (job.pre() != null) {
            call(job.pre().name(), Values.object(), job.pre().span());
        }
        JsonNode input = inputOverride == null ? job.main().input() : inputOverride;
        JsonNode result = call(job.main().name(), input, job.main().span());
        if (job.post() != null) {
            call(job.post().name(), Values.object(), job.post().span());
        }
        return result;
    }

    /** Calls a function (the job's own first, then a built-in) with an input object. */
    public JsonNode call(String name, JsonNode input, SourceSpan callSite) {
        Document.FunctionDef fn = ctx.program().functions().get(name);
        if (fn == null) {
            Builtin builtin = ctx.builtins().get(name);
            if (builtin != null) {
                try {
                    return builtin.call(InputBinder.bindShared(builtin.inputs(), input), ctx);
                } catch (XsError e) {
                    throw e.at(callSite);
                }
            }
            throw new XsError(XsError.Kind.RUNTIME, XsError.NOT_FOUND, "notfound", 404,
                    "Unable to locate function: " + name, null, callSite);
        }
        if (depth >= ctx.limits().maxCallDepth()) {
            throw XsError.fatal("Execution limit exceeded: functions nested deeper than " + ctx.limits().maxCallDepth()
                    + " calls (runaway recursion?)").at(callSite);
        }
        ObjectNode bound;
        try {
            bound = InputBinder.bind(fn.inputs(), input);
        } catch (XsError e) {
            throw e.at(callSite);
        }
        Frame saved = frame;
        Element savedElement = element;
        frame = new Frame(this, fn.name(), bound);
        element = null;
        depth++;
        try {
            JsonNode result;
            Compiler.Function code = compiled.computeIfAbsent(fn, Compiler::compile);
            try {
                code.stack().run(frame);
                result = code.response().eval(frame);
            } catch (ReturnSignal r) {
                result = r.value;
            }
            for (List<Stmt> post : frame.postProcess) {
                try {
                    execute(post);
                } catch (XsError e) {
                    ctx.warnings().accept("util.post_process failed: " + e.getMessage());
                }
            }
            return result;
        } catch (JumpSignal j) {
            throw XsError.fatal("`" + j.kind.name().toLowerCase() + "` outside a loop");
        } finally {
            depth--;
            frame = saved;
            element = savedElement;
        }
    }

    // ---- statements ----------------------------------------------------------------------------

    /** How many statements this interpreter has run (benchmarks report statements per second). */
    public long statementsExecuted() {
        return statementCount;
    }

    /** Runs a statement list that is not a function's own stack (util.post_process), compiled on first use. */
    void execute(List<Stmt> body) {
        blocks.computeIfAbsent(body, Compiler::block).run(frame);
    }

    /** Called once per loop iteration: the deadline and the iteration cap. */
    void tick(long iteration, SourceSpan at) {
        if (iteration >= maxLoopIterations) {
            throw XsError.fatal("Execution limit exceeded: more than " + ctx.limits().maxLoopIterations()
                    + " iterations of one loop (runaway loop?)").at(at);
        }
        if ((++ticks & 1023) == 0) {
            checkDeadline(at);
        }
    }

    void checkDeadline(SourceSpan at) {
        if (System.nanoTime() > ctx.limits().deadlineNanos()) {
            throw new XsError(XsError.Kind.TIMEOUT, XsError.FATAL, "timeout", 500, "Execution limit exceeded: the run took longer than its --timeout", null, at);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new XsError(XsError.Kind.TIMEOUT, XsError.FATAL, "timeout", 500, "Execution stopped", null, at);
        }
    }

    void stop(JsonNode value, SourceSpan at) {
        throw new StopSignal(value, at);
    }

    // ---- variables and paths -------------------------------------------------------------------

    void setVariable(String name, JsonNode value) {
        frame.put(name, value);
    }

    /** Reads the current value at a statement's target path; null when absent. */
    JsonNode read(LValue target) {
        JsonNode v = frame.get(target.id());
        if (v == null) {
            return Values.NULL;
        }
        for (Expr key : target.path()) {
            v = Values.index(v, eval(key));
        }
        return v;
    }

    /** Writes a value at a statement's target path, creating what is missing (spec 4.1). */
    void write(LValue target, JsonNode value) {
        if (target.isPlain()) {
            frame.put(target.id(), value);
            return;
        }
        List<Expr> path = target.path();
        JsonNode[] keys = new JsonNode[path.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = eval(path.get(i));
        }
        store(target.id(), keys, value);
    }

    /** Sets variable[keys...] = value, creating what is missing; lists and objects are changed in place. */
    void store(int id, JsonNode[] keys, JsonNode value) {
        JsonNode root = frame.get(id);
        JsonNode updated = assign(root, keys, 0, value);
        if (updated != root) {
            frame.put(id, updated);
        }
    }

    static JsonNode assign(JsonNode node, JsonNode[] keys, int i, JsonNode value) {
        JsonNode container = node != null && node.isContainerNode() ? node : Values.object();
        JsonNode key = keys[i];
        if (i == keys.length - 1) {
            return put(container, key, value);
        }
        JsonNode child = container.isObject() ? container.get(key.isTextual() ? key.textValue() : Values.toText(key))
                : listChild(container, key);
        JsonNode newChild = assign(child, keys, i + 1, value);
        if (newChild != child) {
            return put(container, key, newChild);
        }
        return container;
    }

    private static JsonNode listChild(JsonNode list, JsonNode key) {
        long idx = listIndex(list, key);
        return idx >= 0 && idx < list.size() ? list.get((int) idx) : null;
    }

    /** The list position a key names, or -1 when it is not a position (then the list becomes an object). */
    private static long listIndex(JsonNode list, JsonNode key) {
        long idx;
        if (key.isIntegralNumber()) {
            idx = key.longValue();
        } else if (key.isNumber()) {
            idx = (long) key.doubleValue();
        } else if (key.isTextual() && Values.isIntegerText(key.textValue())) {
            idx = Long.parseLong(key.textValue());
        } else {
            return -2;
        }
        if (idx < 0) {
            idx += list.size();
            if (idx < 0) {
                return -2;
            }
        }
        return idx;
    }

    /** Sets container[key] = value; returns the container, or a new object when a list had to become one. */
    static JsonNode put(JsonNode container, JsonNode key, JsonNode value) {
        if (container.isObject()) {
            ((ObjectNode) container).set(key.isTextual() ? key.textValue() : Values.toText(key), value);
            return container;
        }
        ArrayNode list = (ArrayNode) container;
        long idx = listIndex(list, key);
        if (idx >= 0 && idx < list.size()) {
            list.set((int) idx, value);
            return list;
        }
        if (idx == list.size()) {
            list.add(value);
            return list;
        }
        ObjectNode o = Values.object();
        for (int k = 0; k < list.size(); k++) {
            o.set(String.valueOf(k), list.get(k));
        }
        o.set(Values.toText(key), value);
        return o;
    }

    // ---- expressions ---------------------------------------------------------------------------

    public JsonNode eval(Expr e) {
        // Tested in order of frequency: exact class checks let the JIT inline the common cases here,
        // where a call through accept() dispatches over ten node types.
        if (e instanceof Expr.Variable) {
            return visitVariable((Expr.Variable) e);
        }
        if (e instanceof Expr.Literal) {
            return ((Expr.Literal) e).value();
        }
        if (e instanceof Expr.Binary) {
            return visitBinary((Expr.Binary) e);
        }
        if (e instanceof Expr.Index) {
            return visitIndex((Expr.Index) e);
        }
        return e.accept(this);
    }

    /** Evaluates for storing: a result that may share structure with another value is copied. */
    JsonNode evalOwned(Expr e) {
        JsonNode v = e.accept(this);
        return v.isContainerNode() && mayAlias(e) ? v.deepCopy() : v;
    }

    static boolean mayAlias(Expr e) {
        if (e instanceof Expr.ArrayLiteral || e instanceof Expr.ObjectLiteral || e instanceof Expr.Unary) {
            return false;
        }
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            switch (b.op()) {
                case NULLISH:
                case ELVIS:
                case AND:
                case OR:
                    return mayAlias(b.left()) || mayAlias(b.right());
                case ADD:
                    return true;
                default:
                    return false;
            }
        }
        if (e instanceof Expr.Ternary) {
            return mayAlias(((Expr.Ternary) e).whenTrue()) || mayAlias(((Expr.Ternary) e).whenFalse());
        }
        return true;
    }

    @Override
    public JsonNode visitLiteral(Expr.Literal e) {
        return e.value();
    }

    @Override
    public JsonNode visitArray(Expr.ArrayLiteral e) {
        ArrayNode out = Values.list();
        for (Expr.Element el : e.elements()) {
            if (el.spread()) {
                JsonNode v = eval(el.value());
                if (v.isArray()) {
                    v.forEach(x -> out.add(Values.copy(x)));
                } else if (v.isObject()) {
                    v.forEach(x -> out.add(Values.copy(x)));
                } else if (!v.isNull()) {
                    out.add(v);
                }
            } else {
                out.add(evalOwned(el.value()));
            }
        }
        return out;
    }

    @Override
    public JsonNode visitObject(Expr.ObjectLiteral e) {
        ObjectNode out = Values.object();
        for (Expr.Entry en : e.entries()) {
            if (en.spread()) {
                JsonNode v = eval(en.value());
                if (v.isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> f = it.next();
                        out.set(f.getKey(), Values.copy(f.getValue()));
                    }
                } else if (v.isArray()) {
                    for (int i = 0; i < v.size(); i++) {
                        out.set(String.valueOf(i), Values.copy(v.get(i)));
                    }
                }
                continue;
            }
            String key = en.computedKey() != null ? Values.toText(eval(en.computedKey())) : en.key();
            out.set(key, evalOwned(en.value()));
        }
        return out;
    }

    @Override
    public JsonNode visitVariable(Expr.Variable e) {
        int id = e.id();
        if (id < Names.SPECIAL) {
            JsonNode special = special(e);
            if (special != null) {
                return special;
            }
        }
        JsonNode v = frame.get(id);
        return v == null ? Values.NULL : v;
    }

    /** A root ($input, $env, $auth, $var) or a bound context name ($this, $index, ...), else Java null. */
    private JsonNode special(Expr.Variable e) {
        switch (e.kind()) {
            case NOW:
                return Values.of(ctx.clock().getAsLong());
            case ELEMENT:
                return element != null ? element.self : Values.orNull(frame.get(e.id()));
            default:
                break;
        }
        int id = e.id();
        if (id == Names.INPUT) {
            return frame.input;
        }
        if (id == Names.ENV) {
            return ctx.env().asObject();
        }
        if (id == Names.AUTH) {
            return Values.NULL;
        }
        if (id == Names.VAR) {
            return snapshotVariables();
        }
        if (element == null) {
            return null;
        }
        if (id == Names.THIS) {
            return element.self;
        }
        if (id == Names.INDEX) {
            return element.index;
        }
        if (id == Names.PARENT) {
            return element.parent;
        }
        return element.result;
    }

    ObjectNode snapshotVariables() {
        ObjectNode o = Values.object();
        frame.forEach((k, v) -> o.set(k, v));
        return o;
    }

    @Override
    public JsonNode visitField(Expr.Field e) {
        Expr target = e.target();
        if (target instanceof Expr.Variable && ((Expr.Variable) target).id() < Names.SPECIAL) {
            int root = ((Expr.Variable) target).id();
            if (root == Names.ENV) {
                return ctx.env().value(e.name());
            }
            if (root == Names.VAR) {
                return Values.orNull(frame.get(e.name()));
            }
        }
        return Values.field(eval(target), e.name());
    }

    @Override
    public JsonNode visitIndex(Expr.Index e) {
        Expr target = e.target();
        if (target instanceof Expr.Variable && ((Expr.Variable) target).id() == Names.ENV
                && e.index() instanceof Expr.Variable) {
            return Env.system(((Expr.Variable) e.index()).name());
        }
        return Values.index(eval(target), eval(e.index()));
    }

    @Override
    public JsonNode visitUnary(Expr.Unary e) {
        JsonNode v = eval(e.operand());
        try {
            switch (e.op()) {
                case NOT:
                    return Values.of(!Values.truthy(v));
                case NEGATE:
                    return Values.negate(v);
                default:
                    return Values.operand(v, "+");
            }
        } catch (XsError err) {
            throw err.at(e.span());
        }
    }

    @Override
    public JsonNode visitBinary(Expr.Binary e) {
        switch (e.op()) {
            case AND:
                return Values.of(Values.truthy(eval(e.left())) && Values.truthy(eval(e.right())));
            case OR:
                return Values.of(Values.truthy(eval(e.left())) || Values.truthy(eval(e.right())));
            case NULLISH: {
                JsonNode l = eval(e.left());
                return l.isNull() || l.isMissingNode() ? eval(e.right()) : l;
            }
            case ELVIS: {
                JsonNode l = eval(e.left());
                return Values.truthy(l) ? l : eval(e.right());
            }
            default:
                break;
        }
        return binary(e, eval(e.left()), eval(e.right()));
    }

    /** An operator that takes both sides as values (not and, or, ??, ?:), applied to the evaluated sides. */
    JsonNode binary(Expr.Binary e, JsonNode l, JsonNode r) {
        if ((l.isLong() || l.isInt()) && (r.isLong() || r.isInt()) && !e.ignoreEmpty()) {
            JsonNode fast = integers(e.op(), l.longValue(), r.longValue());
            if (fast != null) {
                return fast;
            }
        }
        if (e.ignoreEmpty() && (r.isNull() || r.isTextual() && r.textValue().isEmpty())) {
            return Values.TRUE;
        }
        try {
            switch (e.op()) {
                case ADD:
                    return Values.add(l, r);
                case SUB:
                    return Values.subtract(l, r);
                case MUL:
                    return Values.multiply(l, r);
                case DIV:
                    return Values.divide(l, r);
                case MOD:
                    return Values.modulo(l, r);
                case CONCAT:
                    return concat(l, r);
                case RANGE:
                    return range(l, r);
                case LT:
                    return Values.of(Values.compare(l, r) < 0);
                case LE:
                    return Values.of(Values.compare(l, r) <= 0);
                case GT:
                    return Values.of(Values.compare(l, r) > 0);
                case GE:
                    return Values.of(Values.compare(l, r) >= 0);
                case EQ:
                    return Values.of(Values.looseEquals(l, r));
                case NE:
                    return Values.of(!Values.looseEquals(l, r));
                case STRICT_EQ:
                    return Values.of(Values.strictEquals(l, r));
                case STRICT_NE:
                    return Values.of(!Values.strictEquals(l, r));
                default:
                    throw new IllegalStateException(e.op().symbol);
            }
        } catch (XsError err) {
            throw err.at(e.span());
        }
    }

    /**
     * The common case of loops and indexes, two ints, without the general conversions; null when the
     * operator needs the general path (ranges, concatenation, overflow, a division that leaves a
     * fraction, zero divisors); it gives exactly what {@link Values} would.
     */
    static JsonNode integers(Expr.BinaryOp op, long a, long b) {
        switch (op) {
            case ADD:
            case SUB:
            case MUL:
            case DIV:
            case MOD: {
                long v = exact(op, a, b);
                return v == NOT_EXACT ? null : Values.of(v);
            }
            case LT:
                return Values.of(a < b);
            case LE:
                return Values.of(a <= b);
            case GT:
                return Values.of(a > b);
            case GE:
                return Values.of(a >= b);
            case EQ:
            case STRICT_EQ:
                return Values.of(a == b);
            case NE:
            case STRICT_NE:
                return Values.of(a != b);
            default:
                return null;
        }
    }

    /** What {@link #exact} answers when the general rules must decide. */
    static final long NOT_EXACT = Long.MIN_VALUE;

    /**
     * + - * / % of two ints when the answer is an int as {@link Values} gives it, else NOT_EXACT:
     * on overflow, a fraction, a zero divisor, and for the one int answer that equals NOT_EXACT
     * (the general rules give that one too).
     */
    static long exact(Expr.BinaryOp op, long a, long b) {
        switch (op) {
            case ADD: {
                long sum = a + b;
                return ((a ^ sum) & (b ^ sum)) < 0 ? NOT_EXACT : sum;
            }
            case SUB: {
                long diff = a - b;
                return ((a ^ b) & (a ^ diff)) < 0 ? NOT_EXACT : diff;
            }
            case MUL: {
                long hi = Math.multiplyHigh(a, b);
                long lo = a * b;
                return hi == 0 && lo >= 0 || hi == -1 && lo < 0 ? lo : NOT_EXACT;
            }
            case DIV:
                return b != 0 && b != -1 && a % b == 0 ? a / b : NOT_EXACT;
            case MOD:
                return b == 0 ? NOT_EXACT : b == -1 ? 0 : a % b;
            default:
                return NOT_EXACT;
        }
    }

    private JsonNode concat(JsonNode l, JsonNode r) {
        String a = Values.toText(l);
        String b = Values.toText(r);
        if ((long) a.length() + b.length() > ctx.limits().maxValueBytes()) {
            throw XsError.fatal("Execution limit exceeded: text longer than " + ctx.limits().maxValueBytes() + " characters");
        }
        return Values.of(a.concat(b));
    }

    private JsonNode range(JsonNode l, JsonNode r) {
        long from = Values.toLong(l);
        long to = Values.toLong(r);
        long count = Math.abs(to - from) + 1;
        if (count > ctx.limits().maxValueBytes() / 8) {
            throw XsError.fatal("Execution limit exceeded: range " + from + ".." + to + " is too large");
        }
        ArrayNode out = Values.list();
        if (from <= to) {
            for (long i = from; i <= to; i++) {
                out.add(Values.of(i));
            }
        } else {
            for (long i = from; i >= to; i--) {
                out.add(Values.of(i));
            }
        }
        return out;
    }

    @Override
    public JsonNode visitTernary(Expr.Ternary e) {
        return Values.truthy(eval(e.condition())) ? eval(e.whenTrue()) : eval(e.whenFalse());
    }

    @Override
    public JsonNode visitFilter(Expr.FilterApp e) {
        JsonNode input = eval(e.input());
        if (e.disabled()) {
            return input;
        }
        FilterRegistry.Entry entry = filterCache.get(e.name());
        if (entry == null) {
            entry = ctx.filters().lookup(e.name());
            if (entry == null) {
                if (ctx.filters().isDbOnly(e.name())) {
                    throw XsError.fatal("filter `" + e.name() + "` is only valid in a database query").at(e.span());
                }
                throw XsError.fatal("unknown filter `" + e.name() + "`").at(e.span());
            }
            filterCache.put(e.name(), entry);
        }
        FilterSpec spec = entry.spec();
        List<Expr> args = e.args();
        int n = args.size();
        JsonNode[] written = new JsonNode[n];
        Lambda[] lambdas = new Lambda[n];
        List<FilterSpec.Param> params = spec.params();
        for (int i = 0; i < n; i++) {
            Expr arg = args.get(i);
            FilterSpec.Param p = params.isEmpty() ? null : params.get(Math.min(i, params.size() - 1));
            if (p != null && p.type() == dev.xsrun.filters.ArgType.EXPR) {
                written[i] = Values.NULL;
            } else {
                written[i] = eval(arg);
            }
            if (p != null && p.type() == dev.xsrun.filters.ArgType.EXPR || usesElement(arg)) {
                lambdas[i] = lambda(arg);
            }
        }
        try {
            JsonNode[] bound = FilterBinder.bind(spec, written);
            JsonNode out = entry.body().apply(new FilterCall(e.name(), input, bound, n, lambdas, this));
            if (out == null) {
                return Values.NULL;
            }
            if (out.isTextual() ? out.textValue().length() > ctx.limits().maxValueBytes()
                    : out.isContainerNode() && out.size() > ctx.limits().maxValueBytes() / 16) {
                throw XsError.fatal("Execution limit exceeded: " + e.name() + " made a value larger than "
                        + ctx.limits().maxValueBytes() / (1024 * 1024) + " MiB");
            }
            return out;
        } catch (XsError err) {
            throw err.at(e.span());
        } catch (JumpSignal | ReturnSignal | StopSignal signal) {
            throw signal;
        } catch (RuntimeException bug) {
            throw XsError.fatal(e.name() + ": " + bug.getMessage()).at(e.span());
        }
    }

    /** Whether an argument reads $$, $this, $index, $parent or $result (then a filter may evaluate it per element). */
    private boolean usesElement(Expr arg) {
        Boolean known = elementUse.get(arg);
        if (known == null) {
            known = ElementScan.uses(arg);
            elementUse.put(arg, known);
        }
        return known;
    }

    private Lambda lambda(Expr body) {
        return (self, index, parent, result) -> withElement(self, index, parent, result, () -> eval(body));
    }

    /** Evaluates with $$/$this, $index, $parent and $result bound (Java null leaves one unbound). */
    JsonNode withElement(JsonNode self, JsonNode index, JsonNode parent, JsonNode result, java.util.function.Supplier<JsonNode> body) {
        Element saved = element;
        element = new Element(self == null ? Values.NULL : self, index, parent, result, saved);
        try {
            return body.get();
        } finally {
            element = saved;
        }
    }

    @Override
    public JsonNode evaluateSource(String expression) {
        Expr parsed = ctx.expressionParser().apply(expression);
        return eval(parsed);
    }
}
