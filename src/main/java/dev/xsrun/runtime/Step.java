package dev.xsrun.runtime;

import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.xsrun.ast.ErrorTypes;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement compiled by {@link Compiler}: the nodes below it are resolved once per function, so a
 * loop's body runs without dispatching over the syntax tree or looking anything up by name.
 */
abstract class Step {
    abstract void run(Frame f);

    /**
     * A statement list. Counts each statement it runs and gives an error that has no place yet the
     * span of the statement it came from; a Java exception there is a bug, reported at that statement.
     */
    static final class Block {
        private final Step[] steps;
        private final SourceSpan[] spans;

        Block(Step[] steps, SourceSpan[] spans) {
            this.steps = steps;
            this.spans = spans;
        }

        void run(Frame f) {
            for (int i = 0; i < steps.length; i++) {
                f.in.statementCount++;
                Step s = steps[i];
                try {
                    // Most statements are assignments and conditionals: calling those directly
                    // lets the JIT inline them here, where a call through run() sees every kind.
                    if (s instanceof Assign) {
                        ((Assign) s).run(f);
                    } else if (s instanceof Conditional) {
                        ((Conditional) s).run(f);
                    } else {
                        s.run(f);
                    }
                } catch (XsError e) {
                    throw e.at(spans[i]);
                } catch (ArithmeticException | IndexOutOfBoundsException | ClassCastException | IllegalArgumentException
                         | UnsupportedOperationException | NullPointerException bug) {
                    throw XsError.fatal("internal error: " + bug).at(spans[i]);
                }
            }
        }

        /** Runs one pass of a loop body; returns how it ended early (break, continue, remove) or null. */
        Stmt.Jump.Kind iteration(Frame f) {
            try {
                run(f);
                return null;
            } catch (Interpreter.JumpSignal j) {
                return j.kind;
            }
        }
    }

    /**
     * {@code var $x} and {@code var.update $x}: a whole variable. The value is copied when it may
     * share structure with another variable ({@link Interpreter#mayAlias}).
     */
    static final class Assign extends Step {
        private final int id;
        private final Code value;
        private final boolean copy;

        Assign(int id, Code value, boolean copy) {
            this.id = id;
            this.value = value;
            this.copy = copy;
        }

        @Override
        void run(Frame f) {
            JsonNode v = Code.value(value, f);
            f.put(id, copy ? Values.copy(v) : v);
        }
    }

    /** {@code var.update $x.path[..]}: a place inside a variable, changed in place (the variable owns its value). */
    static final class Update extends Step {
        private final int id;
        private final Code[] keys;
        private final Code value;
        private final boolean copy;

        Update(int id, Code[] keys, Code value, boolean copy) {
            this.id = id;
            this.keys = keys;
            this.value = value;
            this.copy = copy;
        }

        @Override
        void run(Frame f) {
            JsonNode v = value.eval(f);
            if (copy) {
                v = Values.copy(v);
            }
            if (keys.length == 1) {
                long i = Code.intOf(keys[0], f);
                JsonNode key = f.other;
                JsonNode root = f.get(id);
                if (key == null && root instanceof ArrayNode && i >= 0 && i < root.size()) {
                    ((ArrayNode) root).set((int) i, v);
                    return;
                }
                f.in.store(id, new JsonNode[] {Code.boxed(i, key)}, v);
                return;
            }
            JsonNode[] k = new JsonNode[keys.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = keys[i].eval(f);
            }
            f.in.store(id, k, v);
        }
    }

    /** {@code conditional { if .. elseif .. else .. }}; otherwise is null without else. */
    static final class Conditional extends Step {
        private final Code[] conditions;
        private final Block[] bodies;
        private final Block otherwise;

        Conditional(Code[] conditions, Block[] bodies, Block otherwise) {
            this.conditions = conditions;
            this.bodies = bodies;
            this.otherwise = otherwise;
        }

        @Override
        void run(Frame f) {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].test(f)) {
                    bodies[i].run(f);
                    return;
                }
            }
            if (otherwise != null) {
                otherwise.run(f);
            }
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
        void run(Frame f) {
            JsonNode s = subject.eval(f);
            int start = -1;
            for (int i = 0; i < values.length; i++) {
                if (Values.looseEquals(s, values[i].eval(f))) {
                    start = i;
                    break;
                }
            }
            if (start >= 0) {
                for (int i = start; i < bodies.length; i++) {
                    bodies[i].run(f);
                    if (breaks[i]) {
                        return;
                    }
                }
            }
            if (otherwise != null) {
                otherwise.run(f);
            }
        }
    }

    /** A loop: its body and the span its limits are reported at. */
    abstract static class Loop extends Step {
        final Block body;
        final SourceSpan span;

        Loop(Block body, SourceSpan span) {
            this.body = body;
            this.span = span;
        }

        /** Checks the iteration cap and the deadline before a pass. */
        final void tick(Frame f, long iteration) {
            f.in.tick(iteration, span);
        }
    }

    /** {@code while (cond) { each { .. } }} */
    static final class While extends Loop {
        private final Code condition;

        While(Code condition, Block body, SourceSpan span) {
            super(body, span);
            this.condition = condition;
        }

        @Override
        void run(Frame f) {
            for (long i = 0; condition.test(f); i++) {
                tick(f, i);
                if (body.iteration(f) == Stmt.Jump.Kind.BREAK) {
                    break;
                }
            }
        }
    }

    /** {@code for (n) { each as $i { .. } }}; index is -1 without {@code as}. */
    static final class For extends Loop {
        private final Code count;
        private final int index;

        For(Code count, int index, Block body, SourceSpan span) {
            super(body, span);
            this.count = count;
            this.index = index;
        }

        @Override
        void run(Frame f) {
            long n = Values.toLong(count.eval(f));
            for (long i = 0; i < n; i++) {
                tick(f, i);
                if (index >= 0) {
                    f.put(index, Values.of(i));
                }
                if (body.iteration(f) == Stmt.Jump.Kind.BREAK) {
                    break;
                }
            }
        }
    }

    /**
     * {@code foreach (list) { each as $item { .. } }}: goes over a snapshot of the list, each item a
     * copy; {@code remove} drops items from the variable the list came from at the end. item is -1
     * without {@code as}.
     */
    static final class ForEach extends Loop {
        private final Expr listExpr;
        private final Code list;
        private final int item;

        ForEach(Expr listExpr, Code list, int item, Block body, SourceSpan span) {
            super(body, span);
            this.listExpr = listExpr;
            this.list = list;
            this.item = item;
        }

        @Override
        void run(Frame f) {
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
                Stmt.Jump.Kind ended = body.iteration(f);
                if (ended == Stmt.Jump.Kind.BREAK) {
                    break;
                }
                if (ended == Stmt.Jump.Kind.REMOVE) {
                    if (removed == null) {
                        removed = new ArrayList<>();
                    }
                    removed.add(i);
                }
            }
            if (removed != null) {
                f.in.statements().removeElements(listExpr, source, removed, span);
            }
        }
    }

    /** {@code break}, {@code continue}, {@code remove}: unwinds to the loop. */
    static final class Jump extends Step {
        private final Interpreter.JumpSignal signal;

        Jump(Stmt.Jump.Kind kind) {
            switch (kind) {
                case BREAK:
                    signal = Interpreter.BREAK;
                    break;
                case CONTINUE:
                    signal = Interpreter.CONTINUE;
                    break;
                default:
                    signal = Interpreter.REMOVE;
            }
        }

        @Override
        void run(Frame f) {
            throw signal;
        }
    }

    /** {@code return { value = e }}: unwinds to the function. */
    static final class Return extends Step {
        private final Code value;

        Return(Code value) {
            this.value = value;
        }

        @Override
        void run(Frame f) {
            throw new Interpreter.ReturnSignal(value.eval(f));
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
        void run(Frame f) {
            if (condition.test(f)) {
                return;
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
        void run(Frame f) {
            String n = Values.toText(name.eval(f));
            String message = Values.toText(value.eval(f));
            throw new XsError(XsError.Kind.RUNTIME, XsError.FATAL, n, 500, message, null, span);
        }
    }

    /** {@code try_catch}: a timeout is never caught; finallyBody is null when absent. */
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
        void run(Frame f) {
            try {
                tryBody.run(f);
            } catch (XsError e) {
                if (e.kind() == XsError.Kind.TIMEOUT) {
                    throw e;
                }
                f.put(error, e.toErrorValue());
                catchBody.run(f);
            } finally {
                if (finallyBody != null) {
                    finallyBody.run(f);
                }
            }
        }
    }

    /** {@code group} and the other statements that run a nested stack in place. */
    static final class Group extends Step {
        private final Block body;

        Group(Block body) {
            this.body = body;
        }

        @Override
        void run(Frame f) {
            body.run(f);
        }
    }

    /** {@code function.run "name" { input = e } as $x}; input is null and as -1 when absent. */
    static final class FunctionRun extends Step {
        private final String function;
        private final Code input;
        private final int as;
        private final SourceSpan nameSpan;
        private final SourceSpan span;

        FunctionRun(String function, Code input, int as, SourceSpan nameSpan, SourceSpan span) {
            this.function = function;
            this.input = input;
            this.as = as;
            this.nameSpan = nameSpan;
            this.span = span;
        }

        @Override
        void run(Frame f) {
            JsonNode arguments = input == null ? Values.object() : input.eval(f);
            f.in.checkDeadline(span);
            JsonNode result = f.in.call(function, arguments, nameSpan);
            if (as >= 0) {
                f.put(as, result);
            }
        }
    }

    /** Every other statement ({@code api.request}, {@code array.push}, ...), by its handler. */
    static final class Invoke extends Step {
        private final Stmt.Invoke statement;

        Invoke(Stmt.Invoke statement) {
            this.statement = statement;
        }

        @Override
        void run(Frame f) {
            f.in.statements().run(statement);
        }
    }

    /** A disabled statement: counted, never run. */
    static final class Disabled extends Step {
        @Override
        void run(Frame f) {
        }
    }
}
