package dev.xsrun.runtime;

import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.Names;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.ast.Stmt;
import dev.xsrun.filters.ArgType;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.filters.FilterSpec;
import dev.xsrun.value.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a function's statements and expressions into {@link Step} and {@link Code} nodes, once per
 * function, when it is first called: variables are resolved to their slots, operators to their node,
 * filters to their implementation (and constant arguments to their bound values), statements that
 * are not control flow to the compiled action of their {@link StatementFamily}, calls of the job's
 * functions to their callee. The nodes hold nothing of a call, so one compiled function serves
 * every call of a run.
 */
final class Compiler implements Stmt.Visitor<Step>, Expr.Visitor<Code> {
    private static final int ERROR = Names.id("error");
    private static final Code NULL = new Code.Const(Values.NULL);

    /**
     * A compiled function: its stack, its response (NULL when it has none), the name number of each of
     * its frame's slots (one per variable it names, numbered in the order the compiler met them), and
     * whether it can list its variables in creation order ({@code $var}, {@code util.get_vars}, or a
     * {@code to_expr} text that may say {@code $var}); only then does a call keep that order.
     */
    record Function(Step.Block stack, Code response, int[] names, InputBinder.Slots inputs, boolean listsVariables) {
        /** How many slots a frame of the function has. */
        int slots() {
            return names.length;
        }
    }

    /** The one filter that compiles text into an expression of the running function ({@link Frame#evaluateSource}). */
    private static final String TO_EXPR = "to_expr";

    private final RunContext ctx;
    private final Statements builtins;
    /** The slots of the function being compiled: for each name number, its slot + 1 (0: none yet). */
    private int[] slotOf = new int[64];
    /** The name number of each slot given so far. */
    private int[] names = new int[16];
    private int slots;
    /** The declared inputs of the function being compiled ({@code $input.name} reads their slots). */
    private List<InputField> inputs = List.of();
    /** Whether the function being compiled can list its variables ({@link Function#listsVariables}). */
    private boolean listsVariables;

    Compiler(RunContext ctx) {
        this.ctx = ctx;
        this.builtins = new Statements(ctx);
    }

    RunContext context() {
        return ctx;
    }

    Function function(Document.FunctionDef fn) {
        resetSlots();
        inputs = fn.inputs();
        listsVariables = false;
        Step.Block stack = block(fn.stack());
        Code response = fn.response() == null ? NULL : expression(fn.response());
        return new Function(stack, response, Arrays.copyOf(names, slots), new InputBinder.Slots(fn.inputs()), listsVariables);
    }

    Step.Block block(List<Stmt> body) {
        Step[] steps = new Step[body.size()];
        SourceSpan[] spans = new SourceSpan[steps.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = body.get(i).accept(this);
            spans[i] = body.get(i).span();
        }
        return new Step.Block(steps, spans);
    }

    private Step.Block blockOrNull(List<Stmt> body) {
        return body == null ? null : block(body);
    }

    Code expression(Expr e) {
        return e.accept(this);
    }

    /**
     * An expression compiled outside the function's text ({@code to_expr}), to run in frames of that
     * function: its variables are the function's slots, a name the function never has reads as unset,
     * and $input is read by name.
     */
    Code freeExpression(Expr e, int[] names) {
        resetSlots();
        for (int id : names) {
            slot(id);
        }
        inputs = List.of();
        return expression(e);
    }

    private void resetSlots() {
        for (int i = 0; i < slots; i++) {
            slotOf[names[i]] = 0;
        }
        slots = 0;
    }

    private Code expressionOrNull(Expr e) {
        return e == null ? null : expression(e);
    }

    /** An expression whose value is stored: copied when it may share structure with another variable. */
    Code owned(Expr e) {
        Code c = expression(e);
        return mayAlias(e) ? new Code.Owned(c) : c;
    }

    /**
     * Whether an expression's value may share structure with a variable's (so storing it must copy):
     * anything but a fresh literal, a unary or arithmetic result, or a comparison.
     */
    static boolean mayAlias(Expr e) {
        if (e instanceof Expr.Literal) {
            return ((Expr.Literal) e).value().isContainerNode();
        }
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

    /** Notes that the function being compiled lists its variables in creation order. */
    void listsVariables() {
        listsVariables = true;
    }

    /**
     * The slot of the variable with name number id in the function being compiled, given on first
     * sight: a frame has one slot per variable its function names, however many names the run has.
     */
    private int slot(int id) {
        if (id >= slotOf.length) {
            slotOf = Arrays.copyOf(slotOf, Math.max(id + 1, slotOf.length * 2));
        }
        int s = slotOf[id] - 1;
        if (s < 0) {
            s = slots++;
            if (s == names.length) {
                names = Arrays.copyOf(names, s * 2);
            }
            names[s] = id;
            slotOf[id] = s + 1;
        }
        return s;
    }

    private int slot(String name) {
        return name == null ? -1 : slot(Names.id(name));
    }

    Place place(LValue target) {
        List<Expr> path = target.path();
        Code[] keys = new Code[path.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = expression(path.get(i));
        }
        return new Place(slot(target.id()), keys);
    }

    // ---- statements ----------------------------------------------------------------------------

    @Override
    public Step visitVar(Stmt.Var s) {
        LValue target = s.target();
        Code value = expression(s.value());
        boolean copy = mayAlias(s.value());
        if (ctx.testName() != null && s.mock() != null) {
            // under a test, the mock's value for that test stands in for the value
            value = new Code.Mocked(expression(s.mock()), ctx.testName(), value);
            copy = true;
        }
        if (target.isPlain()) {
            return new Step.Assign(slot(target.id()), value, copy);
        }
        Place place = place(target);
        return new Step.Update(place.id, place.keys, value, copy);
    }

    @Override
    public Step visitConditional(Stmt.Conditional s) {
        List<Stmt.Branch> branches = s.branches();
        Code[] conditions = new Code[branches.size()];
        Step.Block[] bodies = new Step.Block[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = expression(branches.get(i).condition());
            bodies[i] = block(branches.get(i).body());
        }
        return new Step.Conditional(conditions, bodies, blockOrNull(s.elseBody()));
    }

    @Override
    public Step visitSwitch(Stmt.Switch s) {
        List<Stmt.Case> cases = s.cases();
        Code[] values = new Code[cases.size()];
        Step.Block[] bodies = new Step.Block[values.length];
        boolean[] breaks = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = expression(cases.get(i).value());
            bodies[i] = block(cases.get(i).body());
            breaks[i] = cases.get(i).breaks();
        }
        return new Step.Switch(expression(s.subject()), values, bodies, breaks, blockOrNull(s.defaultBody()));
    }

    @Override
    public Step visitForEach(Stmt.ForEach s) {
        LValue listTarget = lvalueOf(s.list());
        return new Step.ForEach(expression(s.list()), listTarget == null ? null : place(listTarget), slot(s.item()),
                block(s.body()), s.span());
    }

    /** The variable path an expression names ($a, $a.b[0]), or null when it is not one. */
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

    @Override
    public Step visitFor(Stmt.For s) {
        return new Step.For(expression(s.count()), slot(s.index()), block(s.body()), s.span());
    }

    @Override
    public Step visitWhile(Stmt.While s) {
        return new Step.While(expression(s.condition()), block(s.body()), s.span());
    }

    @Override
    public Step visitJump(Stmt.Jump s) {
        switch (s.kind()) {
            case BREAK:
                return new Step.Jump(Step.BREAK);
            case CONTINUE:
                return new Step.Jump(Step.CONTINUE);
            default:
                return new Step.Jump(Step.REMOVE);
        }
    }

    @Override
    public Step visitReturn(Stmt.Return s) {
        return new Step.Return(owned(s.value()));
    }

    @Override
    public Step visitPrecondition(Stmt.Precondition s) {
        return new Step.Precondition(expression(s.condition()), s.errorType(), expressionOrNull(s.error()),
                s.payload() == null ? null : owned(s.payload()), s.span());
    }

    @Override
    public Step visitThrow(Stmt.Throw s) {
        return new Step.Throw(expression(s.name()), expression(s.value()), s.span());
    }

    @Override
    public Step visitTryCatch(Stmt.TryCatch s) {
        return new Step.TryCatch(block(s.tryBody()), block(s.catchBody()), blockOrNull(s.finallyBody()), slot(ERROR));
    }

    @Override
    public Step visitGroup(Stmt.Group s) {
        return new Step.Group(block(s.body()));
    }

    @Override
    public Step visitFunctionRun(Stmt.FunctionRun s) {
        Step call = functionRun(s);
        if (ctx.testName() == null || s.mock() == null) {
            return call;
        }
        // under a test whose name the mock has, its value is the result and the function is not called
        return new Step.MockedCall(expression(s.mock()), ctx.testName(), call, slot(s.as()));
    }

    private Step functionRun(Stmt.FunctionRun s) {
        Document.FunctionDef callee = ctx.program().functions().get(s.function());
        int as = slot(s.as());
        if (callee == null) {
            return new Step.CallByName(s.function(), expressionOrNull(s.input()), as, s.nameSpan(), s.span());
        }
        if (s.input() instanceof Expr.ObjectLiteral && plainKeys((Expr.ObjectLiteral) s.input())) {
            List<Expr.Entry> written = ((Expr.ObjectLiteral) s.input()).entries();
            Code[] values = new Code[written.size()];
            Map<String, Integer> last = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                values[i] = owned(written.get(i).value());
                last.put(written.get(i).key(), i);
            }
            List<InputField> inputs = callee.inputs();
            int[] entries = new int[inputs.size()];
            for (int k = 0; k < entries.length; k++) {
                entries[k] = last.getOrDefault(inputs.get(k).name(), -1);
            }
            return new Step.Call(callee, values, entries, null, as, s.nameSpan(), s.span());
        }
        return new Step.Call(callee, null, null, expressionOrNull(s.input()), as, s.nameSpan(), s.span());
    }

    private static boolean plainKeys(Expr.ObjectLiteral o) {
        for (Expr.Entry e : o.entries()) {
            if (e.spread() || e.computedKey() != null || e.key() == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every other statement, by the first family that owns its name: the run's families, then the
     * runtime's own ({@link Statements}); a statement nobody runs fails when it runs, as before.
     */
    @Override
    public Step visitInvoke(Stmt.Invoke s) {
        int as = slot(s.as());
        StatementFamily family = null;
        for (StatementFamily f : ctx.statements()) {
            if (f.owns(s.name())) {
                family = f;
                break;
            }
        }
        if (family == null && builtins.owns(s.name())) {
            family = builtins;
        }
        StatementFamily.Action action;
        if (family == null) {
            action = unsupported(s);
        } else {
            try {
                action = family.compile(s, new StatementCompiler(this, s));
            } catch (XsError e) {
                XsError failure = e.at(s.span());
                action = run -> {
                    throw failure;
                };
            }
        }
        return new Step.Family(mocked(s, action), as);
    }

    /**
     * Under {@code xsrun test}, a statement with {@code mock = {"test name": value}} whose object has
     * the running test's name gives that value as its result and does nothing else (a mocked
     * api.request sends nothing); otherwise it runs as usual.
     */
    private StatementFamily.Action mocked(Stmt.Invoke s, StatementFamily.Action action) {
        String test = ctx.testName();
        Expr mock = s.attribute("mock");
        if (test == null || mock == null) {
            return action;
        }
        Code mocks = expression(mock);
        return run -> {
            com.fasterxml.jackson.databind.JsonNode table = mocks.eval((Frame) run);
            com.fasterxml.jackson.databind.JsonNode value = table.isObject() ? table.get(test) : null;
            if (value == null) {
                action.run(run);
            } else {
                run.setResult(value);
            }
        };
    }

    private StatementFamily.Action unsupported(Stmt.Invoke s) {
        StatementCatalogue.Shape shape = StatementCatalogue.lookup(s.name());
        boolean platform = shape != null && !shape.local() || StatementCatalogue.isNotLocalFamily(s.name());
        String warning = s.span() + ": " + s.name() + (platform
                ? " needs Xano's platform services (database, cache, storage...), which a local run does not have"
                : " is not implemented in xsrun yet");
        return run -> {
            run.context().warnings().accept(warning);
            throw XsError.fatal("Unsupported statement: " + s.name()).at(s.span());
        };
    }

    @Override
    public Step visitDisabled(Stmt.Disabled s) {
        return new Step.Disabled();
    }

    // ---- expressions ---------------------------------------------------------------------------

    @Override
    public Code visitLiteral(Expr.Literal e) {
        return new Code.Const(e.value());
    }

    @Override
    public Code visitArray(Expr.ArrayLiteral e) {
        List<Expr.Element> elements = e.elements();
        Code[] values = new Code[elements.size()];
        boolean[] spread = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            Expr.Element el = elements.get(i);
            spread[i] = el.spread();
            values[i] = el.spread() ? expression(el.value()) : owned(el.value());
        }
        return new Code.ArrayLit(values, spread);
    }

    @Override
    public Code visitObject(Expr.ObjectLiteral e) {
        List<Expr.Entry> entries = e.entries();
        int n = entries.size();
        String[] keys = new String[n];
        Code[] keyCodes = new Code[n];
        Code[] values = new Code[n];
        boolean[] spread = new boolean[n];
        for (int i = 0; i < n; i++) {
            Expr.Entry en = entries.get(i);
            spread[i] = en.spread();
            if (en.spread()) {
                values[i] = expression(en.value());
                continue;
            }
            if (en.computedKey() != null) {
                keyCodes[i] = expression(en.computedKey());
            } else {
                keys[i] = en.key();
            }
            values[i] = owned(en.value());
        }
        return new Code.ObjectLit(keys, keyCodes, values, spread);
    }

    @Override
    public Code visitVariable(Expr.Variable e) {
        int id = e.id();
        if (e.kind() == Expr.Variable.Kind.NOW) {
            return new Code.Now();
        }
        if (e.kind() == Expr.Variable.Kind.ELEMENT) {
            return new Code.ElementSelf(slot(id));
        }
        if (id >= Names.SPECIAL) {
            return new Code.Local(slot(id));
        }
        if (id == Names.INPUT) {
            return new Code.Input();
        }
        if (id == Names.ENV) {
            return new Code.EnvObject();
        }
        if (id == Names.AUTH) {
            return NULL;
        }
        if (id == Names.VAR) {
            listsVariables();
            return new Code.VarSnapshot();
        }
        return new Code.ContextName(id, slot(id));
    }

    @Override
    public Code visitField(Expr.Field e) {
        if (isRoot(e.target(), Names.ENV)) {
            return new Code.EnvField(e.name());
        }
        if (isRoot(e.target(), Names.VAR)) {
            return new Code.VarField(slot(Names.id(e.name())));
        }
        if (isRoot(e.target(), Names.INPUT) && ((Expr.Variable) e.target()).kind() == Expr.Variable.Kind.VAR) {
            for (int k = inputs.size() - 1; k >= 0; k--) {
                if (inputs.get(k).name().equals(e.name())) {
                    return new Code.InputField(k, e.name());
                }
            }
        }
        return new Code.Field(expression(e.target()), e.name());
    }

    @Override
    public Code visitIndex(Expr.Index e) {
        if (isRoot(e.target(), Names.ENV) && e.index() instanceof Expr.Variable) {
            return new Code.EnvSystem(((Expr.Variable) e.index()).name());
        }
        return new Code.Index(expression(e.target()), expression(e.index()));
    }

    /** Whether an expression is a root read in its own way ($env, $var). */
    private static boolean isRoot(Expr e, int root) {
        return e instanceof Expr.Variable && ((Expr.Variable) e).id() == root;
    }

    @Override
    public Code visitUnary(Expr.Unary e) {
        Code operand = expression(e.operand());
        if (e.op() == Expr.UnaryOp.NOT) {
            return new Code.Not(operand);
        }
        return new Code.Sign(operand, e.op() == Expr.UnaryOp.NEGATE, e.span());
    }

    @Override
    public Code visitBinary(Expr.Binary e) {
        Code left = expression(e.left());
        Code right = expression(e.right());
        switch (e.op()) {
            case AND:
                return new Code.And(left, right);
            case OR:
                return new Code.Or(left, right);
            case NULLISH:
                return new Code.Nullish(left, right);
            case ELVIS:
                return new Code.Elvis(left, right);
            default:
                if (Code.Compare.handles(e)) {
                    return new Code.Compare(e, left, right);
                }
                return Code.Arithmetic.handles(e) ? new Code.Arithmetic(e, left, right) : new Code.Operator(e, left, right);
        }
    }

    @Override
    public Code visitTernary(Expr.Ternary e) {
        return new Code.Ternary(expression(e.condition()), expression(e.whenTrue()), expression(e.whenFalse()));
    }

    @Override
    public Code visitFilter(Expr.FilterApp e) {
        Code input = expression(e.input());
        if (e.disabled()) {
            return input;
        }
        if (e.name().equals(TO_EXPR)) {
            listsVariables();
        }
        FilterRegistry registry = ctx.filters();
        FilterRegistry.Entry entry = registry.lookup(e.name());
        if (entry == null) {
            String name = e.name();
            SourceSpan at = e.span();
            return new Code.Failing(input, () -> registry.isDbOnly(name)
                    ? XsError.fatal("filter `" + name + "` is only valid in a database query").at(at)
                    : XsError.fatal("unknown filter `" + name + "`").at(at));
        }
        List<FilterSpec.Param> params = entry.spec().params();
        List<Expr> written = e.args();
        int n = written.size();
        Code[] args = new Code[n];
        Code[] lambdas = new Code[n];
        for (int i = 0; i < n; i++) {
            Expr arg = written.get(i);
            FilterSpec.Param p = params.isEmpty() ? null : params.get(Math.min(i, params.size() - 1));
            boolean expressionParam = p != null && p.type() == ArgType.EXPR;
            args[i] = expressionParam ? NULL : expression(arg);
            if (expressionParam || ElementScan.uses(arg)) {
                lambdas[i] = expressionParam ? expression(arg) : args[i];
            }
        }
        return new Code.Filter(e.name(), input, entry, args, lambdas, e.span());
    }
}
