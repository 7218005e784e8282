package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Stmt;

/**
 * A family of statements implemented outside the language core ({@code db.*}, {@code expect.*}, ...),
 * plugged into a run with {@link RunContext#withStatements}. When a function is first called, each of
 * its statements that is not control flow goes to the first registered family that {@link #owns} its
 * name (then to the runtime's own: api.request, debug.*, util.*, math.*, array.*, text.*, object.*,
 * security.*); {@link #compile} is called once per statement and returns the {@link Action} that
 * runs every time the statement does. The family object is made for one run, so it can carry that
 * run's services (a database connection, a test report) for its actions to use.
 *
 * <pre>{@code
 * final class KvStatements implements StatementFamily {
 *     private final Map<String, JsonNode> store = new HashMap<>();   // this run's service
 *
 *     public boolean owns(String name) {
 *         return name.startsWith("kv.");
 *     }
 *
 *     public Action compile(Stmt.Invoke s, StatementCompiler c) {
 *         Expression key = c.attribute("key", Values.of(""));
 *         switch (s.name()) {
 *             case "kv.set": {
 *                 Expression value = c.attribute("value", Values.NULL);
 *                 return run -> store.put(Values.toText(key.eval(run)), value.eval(run));
 *             }
 *             case "kv.get":                                   // kv.get { key = "a" } as $v
 *                 return run -> run.setResult(store.getOrDefault(Values.toText(key.eval(run)), Values.NULL));
 *             default:
 *                 throw c.error("unknown statement " + s.name());   // reported when the statement runs
 *         }
 *     }
 * }
 * // when the run is built:  context = context.withStatements(new KvStatements());
 * }</pre>
 *
 * An error an action throws ({@link dev.xsrun.value.XsError}) is reported at the statement, and
 * {@code try_catch} catches it like any other.
 */
public interface StatementFamily {
    /** Whether this family runs the statement of that dotted name. */
    boolean owns(String name);

    /** Compiles one statement of this family; called once, when the function holding it is first called. */
    Action compile(Stmt.Invoke statement, StatementCompiler compiler);

    /** A compiled statement: runs each time the statement does. */
    @FunctionalInterface
    interface Action {
        void run(StatementRun run);
    }

    /** A compiled expression (an attribute, the statement's target or condition). */
    final class Expression {
        final Code code;

        Expression(Code code) {
            this.code = code;
        }

        /** Its value in the running function. */
        public JsonNode eval(StatementRun run) {
            return code.eval((Frame) run);
        }
    }

    /** A compiled expression that reads one variable its statement binds ({@link StatementCompiler#bound}). */
    final class Bound {
        private final Code code;
        private final int slot;

        Bound(Code code, int slot) {
            this.code = code;
            this.slot = slot;
        }

        /** Its value in the running function with the variable set to {@code value}; the variable is left as it was. */
        public JsonNode eval(StatementRun run, JsonNode value) {
            Frame f = (Frame) run;
            JsonNode saved = f.swap(slot, value);
            try {
                return code.eval(f);
            } finally {
                f.swap(slot, saved);
            }
        }
    }

    /** A compiled nested stack (a clause such as {@code stack { ... }}), run with {@link StatementRun#run}. */
    final class Body {
        final Step.Block block;

        Body(Step.Block block) {
            this.block = block;
        }
    }
}
