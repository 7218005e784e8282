package dev.xsrun.runtime;

import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.ErrorTypes;
import dev.xsrun.value.SourceSpan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement compiled by {@link Compiler}: the nodes below it are resolved once per function, so a
 * statement runs without dispatching over the syntax tree or looking anything up by name. Running
 * one answers how it ended: {@link #NEXT}, or a {@code break}, {@code continue}, {@code remove} or
 * {@code return} that the enclosing loop or function takes (no exception is thrown for those).
 */
abstract class Step {
    /** The statement ended normally: go on with the next one. */
    static final int NEXT = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;
    static final int REMOVE = 3;
    /** A {@code return}: its value is in {@link Frame#returned}. */
    static final int RETURN = 4;

    abstract int run(Frame f);

    /** The word of a loop-control status, for the message when it ends up outside a loop. */
    static String word(int status) {
        return status == BREAK ? "break" : status == CONTINUE ? "continue" : "remove";
    }

    /**
     * Carries a loop control or return out of a nested stack a {@link StatementFamily.Action} runs
     * ({@link StatementRun#run}), to the statement, which answers it as its own status.
     */
    static final class Unwind extends RuntimeException {
        final int status;

        Unwind(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /**
     * A statement list. Counts each statement it runs and gives an error that has no place yet the
     * span of the statement it came from; a Java exception there is a bug, reported at that statement.
     */
    static final class Block {
        final Step[] steps;
        final SourceSpan[] spans;
        /** The list made a class once it ran often ({@link Tier}), or null. */
        private Tier.Unit compiled;
        /** How often the list ran on its nodes; -1 once it was made a class or could not be. */
        private int runs;

        Block(Step[] steps, SourceSpan[] spans) {
            this.steps = steps;
            this.spans = spans;
        }

        int run(Frame f) {
            Tier.Unit unit = compiled;
            if (unit != null) {
                return unit.run(f, 0, 0);
            }
            if (runs >= 0 && Tier.HOT >= 0 && ++runs > Tier.HOT) {
                runs = -1;
                unit = Tier.block(this);
                if (unit != null) {
                    compiled = unit;
                    return unit.run(f, 0, 0);
                }
            }
            Interpreter in = f.in;
            for (int i = 0; i < steps.length; i++) {
                in.statementCount++;
                Step s = steps[i];
                int status;
                try {
                    // Most statements are assignments and conditionals: calling those directly
                    // lets the JIT inline them here, where a call through run() sees every kind.
                    if (s instanceof Assign) {
                        status = ((Assign) s).run(f);
                    } else if (s instanceof Conditional) {
                        status = ((Conditional) s).run(f);
                    } else {
                        status = s.run(f);
                    }
                } catch (RuntimeException e) {
                    throw reported(e, spans[i]);
                }
                if (status != NEXT) {
                    return status;
                }
            }
            return NEXT;
        }

        /**
         * What a statement's failure is reported as: an error given the statement's span when it has
         * none yet; a Java exception a statement can only throw through a bug of xsrun, as an internal
         * error at the statement; anything else (loop control, debug.stop) as it is.
         */
        static RuntimeException reported(RuntimeException e, SourceSpan at) {
            if (e instanceof XsError) {
                return ((XsError) e).at(at);
            }
            if (e instanceof ArithmeticException || e instanceof IndexOutOfBoundsException || e instanceof ClassCastException
                    || e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException
                    || e instanceof NullPointerException) {
                return XsError.fatal("internal error: " + e).at(at);
            }
            return e;
        }
    }

    /**
     * {@code var $x} and {@code var.update $x}: a whole variable. The value is copied when it may
     * share structure with another variable ({@link Compiler#mayAlias}). An int computed by
     * arithmetic is kept unboxed ({@link Scope#putInt}): counters and sums then allocate nothing.
     */
    static final class Assign extends Step {
        final int id;
        final Code value;
        final boolean copy;
        final boolean arithmetic;

        Assign(int id, Code value, boolean copy) {
            this.id = id;
            this.value = value;
            this.copy = copy;
            this.arithmetic = value instanceof Code.Arithmetic;
        }

        @Override
        int run(Frame f) {
            if (arithmetic) {
                long v = ((Code.Arithmetic) value).evalInt(f);
                JsonNode other = f.other;
                if (other == null) {
                    f.putInt(id, v);
                } else {
                    f.put(id, copy ? Values.copy(other) : other);
                }
                return NEXT;
            }
            JsonNode v = Code.value(value, f);
            f.put(id, copy ? Values.copy(v) : v);
            return NEXT;
        }
    }

    /** {@code var.update $x.path[..]}: a place inside a variable, changed in place (the variable owns its value). */
    static final class Update extends Step {
        final int id;
        final Code[] keys;
        final Code value;
        final boolean copy;

        Update(int id, Code[] keys, Code value, boolean copy) {
            this.id = id;
            this.keys = keys;
            this.value = value;
            this.copy = copy;
        }

        @Override
        int run(Frame f) {
            JsonNode v = value.eval(f);
            if (copy) {
                v = Values.copy(v);
            }
            if (keys.length == 1) {
                long i = Code.intOf(keys[0], f);
                store(f, id, i, f.other, v);
                return NEXT;
            }
            JsonNode[] k = new JsonNode[keys.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = keys[i].eval(f);
            }
            Place.store(f, id, k, v);
            return NEXT;
        }

        /** Stores v at one key of variable id, the key given as {@link Code#evalInt} answers it (the int i, or key when not null). */
        static void store(Frame f, int id, long i, JsonNode key, JsonNode v) {
            JsonNode root = f.get(id);
            if (key == null && root instanceof ArrayNode && i >= 0 && i < root.size()) {
                ((ArrayNode) root).set((int) i, v);
                return;
            }
            Place.store(f, id, new JsonNode[] {Code.boxed(i, key)}, v);
        }
    }

    /** {@code conditional { if .. elseif .. else .. }}; otherwise is null without else. */
    static final class Conditional extends Step {
        final Code[] conditions;
        final Block[] bodies;
        final Block otherwise;

        Conditional(Code[] conditions, Block[] bodies, Block otherwise) {
            this.conditions = conditions;
            this.bodies = bodies;
            this.otherwise = otherwise;
        }

        @Override
        int run(Frame f) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].test(f)) {
                    return bodies[i].run(f);
                }
            }
            return otherwise != null ? otherwise.run(f) : NEXT;
        }
    }

    /** {@code switch}: loose equality picks the first case; cases without break fall through. */
    static final class Switch extends Step {
        private final Code subject;
        private final Code[] values;
        private final Block[] bodies;
        private final boolean[] breaks;
        private final Block otherwise;

        Switch(Code subject, Code[] values, Block[] bodies, boolean[] breaks, Block otherwise) {
            this.subject = subject;
            this.values = values;
            this.bodies = bodies;
            this.breaks = breaks;
            this.otherwise = otherwise;
        }

        @Override
        int run(Frame f) {
            JsonNode s = subject.eval(f);
            int start = -1;
            for (int i = 0; i < values.length; i++) {
                if (Operators.looseEquals(s, values[i].eval(f))) {
                    start = i;
                    break;
                }
            }
            if (start >= 0) {
                for (int i = start; i < bodies.length; i++) {
                    int status = bodies[i].run(f);
                    if (status != NEXT) {
                        return status;
                    }
                    if (breaks[i]) {
                        return NEXT;
                    }
                }
            }
            return otherwise != null ? otherwise.run(f) : NEXT;
        }
    }

    /** A loop: its body and the span its limits are reported at. */
    abstract static class Loop extends Step {
        final Block body;
        final SourceSpan span;
        /** The loop made a class once one pass of it ran {@link Tier#HOT} iterations, or null. */
        Tier.Unit compiled;
        /** Whether that was tried. */
        boolean tried;

        Loop(Block body, SourceSpan span) {
            this.body = body;
            this.span = span;
        }

        /** Checks the iteration cap and the deadline before a pass. */
        final void tick(Frame f, long iteration) {
            f.in.tick(iteration, span);
        }

        /** The loop as a class, made the first time a pass reaches {@link Tier#HOT} iterations; null when it runs on its nodes. */
        final Tier.Unit hot() {
            if (tried) {
                return null;
            }
            tried = true;
            compiled = Tier.loop(this);
            return compiled;
        }
    }

    /** {@code while (cond) { each { .. } }} */
    static final class While extends Loop {
        final Code condition;

        While(Code condition, Block body, SourceSpan span) {
            super(body, span);
            this.condition = condition;
        }

        @Override
        int run(Frame f) {
            Tier.Unit unit = compiled;
            if (unit != null) {
                return unit.run(f, 0, 0);
            }
            for (long i = 0; ; i++) {
                if (i == Tier.HOT && (unit = hot()) != null) {
                    return unit.run(f, i, 0);
                }
                if (!condition.test(f)) {
                    break;
                }
                tick(f, i);
                int status = body.run(f);
                if (status == BREAK) {
                    break;
                }
                if (status == RETURN) {
                    return RETURN;
                }
            }
            return NEXT;
        }
    }

    /** {@code for (n) { each as $i { .. } }}; index is -1 without {@code as}. */
    static final class For extends Loop {
        final Code count;
        final int index;

        For(Code count, int index, Block body, SourceSpan span) {
            super(body, span);
            this.count = count;
            this.index = index;
        }

        @Override
        int run(Frame f) {
            long n = Values.toLong(count.eval(f));
            Tier.Unit unit = compiled;
            if (unit != null) {
                return unit.run(f, 0, n);
            }
            for (long i = 0; i < n; i++) {
                if (i == Tier.HOT && (unit = hot()) != null) {
                    return unit.run(f, i, n);
                }
                tick(f, i);
                if (index >= 0) {
                    f.putInt(index, i);
                }
                int status = body.run(f);
                if (status == BREAK) {
                    break;
                }
                if (status == RETURN) {
                    return RETURN;
                }
            }
            return NEXT;
        }
    }

    /**
     * {@code foreach (list) { each as $item { .. } }}: goes over a snapshot of the list, each item a
     * copy; {@code remove} drops items from the variable the list came from at the end (listPlace,
     * null when the list is not a variable). item is -1 without {@code as}.
     */
    static final class ForEach extends Loop {
        private final Code list;
        private final Place listPlace;
        private final int item;

        ForEach(Code list, Place listPlace, int item, Block body, SourceSpan span) {
            super(body, span);
            this.list = list;
            this.listPlace = listPlace;
            this.item = item;
        }

        @Override
        int run(Frame f) {
            JsonNode source = list.eval(f);
            List<JsonNode> items = new ArrayList<>();
            if (source.isArray() || source.isObject()) {
                source.forEach(items::add);
            } else if (!source.isNull() && !source.isMissingNode()) {
                items.add(source);
            }
            List<Integer> removed = null;
            for (int i = 0; i < items.size(); i++) {
                tick(f, i);
                if (item >= 0) {
                    f.put(item, Values.copy(items.get(i)));
                }
                int status = body.run(f);
                if (status == BREAK) {
                    break;
                }
                if (status == RETURN) {
                    return RETURN;
                }
                if (status == REMOVE) {
                    if (removed == null) {
                        removed = new ArrayList<>();
                    }
                    removed.add(i);
                }
            }
            if (removed != null) {
                removeElements(f, source, removed);
            }
            return NEXT;
        }

        /** Applies the {@code remove}s done inside the loop to the variable the loop went over. */
        private void removeElements(Frame f, JsonNode source, List<Integer> removed) {
            if (listPlace == null) {
                throw XsError.fatal("`remove` needs the foreach list to be a variable").at(span);
            }
            Set<Integer> drop = new LinkedHashSet<>(removed);
            ArrayNode out = Values.list();
            int i = 0;
            Iterator<JsonNode> it = source.elements();
            while (it.hasNext()) {
                JsonNode e = it.next();
                if (!drop.contains(i++)) {
                    out.add(e);
                }
            }
            listPlace.write(f, out);
        }
    }

    /** {@code break}, {@code continue}, {@code remove}: ends the loop's pass with that status. */
    static final class Jump extends Step {
        final int status;

        Jump(int status) {
            this.status = status;
        }

        @Override
        int run(Frame f) {
            return status;
        }
    }

    /** {@code return { value = e }}: ends the function. */
    static final class Return extends Step {
        final Code value;

        Return(Code value) {
            this.value = value;
        }

        @Override
        int run(Frame f) {
            f.returned = value.eval(f);
            return RETURN;
        }
    }

    /** {@code precondition}: error and payload are null when absent; they are evaluated only on failure. */
    static final class Precondition extends Step {
        private final Code condition;
        private final String type;
        private final Code error;
        private final Code payload;
        private final SourceSpan span;

        Precondition(Code condition, String errorType, Code error, Code payload, SourceSpan span) {
            this.condition = condition;
            this.type = ErrorTypes.normalise(errorType);
            this.error = error;
            this.payload = payload;
            this.span = span;
        }

        @Override
        int run(Frame f) {
            if (condition.test(f)) {
                return NEXT;
            }
            String message = error == null ? "" : Values.toText(error.eval(f));
            JsonNode data = payload == null ? Values.NULL : payload.eval(f);
            throw new XsError(XsError.Kind.RUNTIME, ErrorTypes.code(type), type, ErrorTypes.status(type), message, data, span);
        }
    }

    /** {@code throw { name = e value = e }} */
    static final class Throw extends Step {
        private final Code name;
        private final Code value;
        private final SourceSpan span;

        Throw(Code name, Code value, SourceSpan span) {
            this.name = name;
            this.value = value;
            this.span = span;
        }

        @Override
        int run(Frame f) {
            String n = Values.toText(name.eval(f));
            String message = Values.toText(value.eval(f));
            throw new XsError(XsError.Kind.RUNTIME, XsError.FATAL, n, 500, message, null, span);
        }
    }

    /** {@code try_catch}: a timeout is never caught; finallyBody is null when absent and, when it ends early, wins. */
    static final class TryCatch extends Step {
        private final Block tryBody;
        private final Block catchBody;
        private final Block finallyBody;
        private final int error;

        TryCatch(Block tryBody, Block catchBody, Block finallyBody, int error) {
            this.tryBody = tryBody;
            this.catchBody = catchBody;
            this.finallyBody = finallyBody;
            this.error = error;
        }

        @Override
        int run(Frame f) {
            int status;
            try {
                try {
                    status = tryBody.run(f);
                } catch (XsError e) {
                    if (e.kind() == XsError.Kind.TIMEOUT) {
                        throw e;
                    }
                    f.put(error, e.toErrorValue());
                    status = catchBody.run(f);
                }
            } catch (RuntimeException | Error failure) {
                if (finallyBody != null) {
                    int early = finallyBody.run(f);
                    if (early != NEXT) {
                        return early;
                    }
                }
                throw failure;
            }
            if (finallyBody != null) {
                int early = finallyBody.run(f);
                if (early != NEXT) {
                    return early;
                }
            }
            return status;
        }
    }

    /** {@code group} and the other statements that run a nested stack in place. */
    static final class Group extends Step {
        final Block body;

        Group(Block body) {
            this.body = body;
        }

        @Override
        int run(Frame f) {
            return body.run(f);
        }
    }

    /**
     * {@code function.run "name" { input = e } as $x} of a name that is not a function of the job
     * (a built-in, or an error when there is none); input is null and as -1 when absent.
     */
    static final class CallByName extends Step {
        private final String function;
        private final Code input;
        private final int as;
        private final SourceSpan nameSpan;
        private final SourceSpan span;

        CallByName(String function, Code input, int as, SourceSpan nameSpan, SourceSpan span) {
            this.function = function;
            this.input = input;
            this.as = as;
            this.nameSpan = nameSpan;
            this.span = span;
        }

        @Override
        int run(Frame f) {
            JsonNode arguments = input == null ? Values.object() : input.eval(f);
            f.in.checkDeadline(span);
            JsonNode result = f.in.call(function, arguments, nameSpan);
            if (as >= 0) {
                f.put(as, result);
            }
            return NEXT;
        }
    }

    /**
     * {@code function.run} of a function of the job, known when compiled. When the input is written
     * as an object literal with plain keys, each declared input is bound straight from its entry
     * (entries[k] of inputs[k], -1 when not written) without building the caller's object first;
     * otherwise (input != null) the input is evaluated and bound by name.
     */
    static final class Call extends Step {
        final Document.FunctionDef callee;
        /** Every entry of the literal, evaluated in source order; null when the input is not a literal. */
        final Code[] values;
        /** For each declared input, the literal entry that gives it, or -1. */
        private final int[] entries;
        /** The input when it is not a literal of plain keys (or null when there is none and values is null). */
        private final Code input;
        final int as;
        final SourceSpan nameSpan;
        final SourceSpan span;
        /** Whether the literal gives every declared input, each once, in the declared order (entries[k] == k). */
        final boolean inOrder;
        private Compiler.Function code;

        /** The callee's compiled code, compiled on the first call. */
        Compiler.Function code(Interpreter in) {
            Compiler.Function c = code;
            if (c == null) {
                c = in.compiled(callee);
                code = c;
            }
            return c;
        }

        /** The callee's compiled code if it was called from here already, else null. */
        Compiler.Function codeIfCalled() {
            return code;
        }

        Call(Document.FunctionDef callee, Code[] values, int[] entries, Code input, int as, SourceSpan nameSpan, SourceSpan span) {
            this.callee = callee;
            this.values = values;
            this.entries = entries;
            boolean same = values != null && values.length == entries.length;
            for (int k = 0; same && k < entries.length; k++) {
                same = entries[k] == k;
            }
            this.inOrder = same;
            this.input = input;
            this.as = as;
            this.nameSpan = nameSpan;
            this.span = span;
        }

        @Override
        int run(Frame f) {
            Interpreter in = f.in;
            JsonNode[] given = null;
            JsonNode arguments = null;
            if (inOrder) {
                given = new JsonNode[values.length];
                for (int i = 0; i < given.length; i++) {
                    given[i] = values[i].eval(f);
                }
            } else if (values != null) {
                JsonNode[] v = new JsonNode[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values[i].eval(f);
                }
                given = new JsonNode[entries.length];
                for (int k = 0; k < given.length; k++) {
                    given[k] = entries[k] < 0 ? null : v[entries[k]];
                }
            } else {
                arguments = input == null ? Values.object() : input.eval(f);
            }
            in.tickCall(span);
            JsonNode result = in.invoke(callee, code(in), given, arguments, nameSpan);
            if (as >= 0) {
                f.put(as, result);
            }
            return NEXT;
        }
    }

    /**
     * {@code function.run} with a {@code mock = {"test name": value}}, under that test: the mock's
     * entry for the test is the result and nothing is called; otherwise the call runs as written.
     */
    static final class MockedCall extends Step {
        private final Code table;
        private final String test;
        private final Step call;
        private final int as;

        MockedCall(Code table, String test, Step call, int as) {
            this.table = table;
            this.test = test;
            this.call = call;
            this.as = as;
        }

        @Override
        int run(Frame f) {
            JsonNode mock = table.eval(f);
            JsonNode value = mock.isObject() ? mock.get(test) : null;
            if (value == null) {
                return call.run(f);
            }
            if (as >= 0) {
                f.put(as, Values.copy(value));
            }
            return NEXT;
        }
    }

    /**
     * A statement of a {@link StatementFamily} (the runtime's own included): its compiled action,
     * run with the statement's {@code as} slot at hand.
     */
    static final class Family extends Step {
        private final StatementFamily.Action action;
        private final int as;

        Family(StatementFamily.Action action, int as) {
            this.action = action;
            this.as = as;
        }

        @Override
        int run(Frame f) {
            int saved = f.resultSlot;
            f.resultSlot = as;
            try {
                action.run(f);
                return NEXT;
            } catch (Unwind u) {
                return u.status;
            } finally {
                f.resultSlot = saved;
            }
        }
    }

    /** A disabled statement: counted, never run. */
    static final class Disabled extends Step {
        @Override
        int run(Frame f) {
            return NEXT;
        }
    }
}
