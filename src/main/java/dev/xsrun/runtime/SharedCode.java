package dev.xsrun.runtime;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.Stmt;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiled functions shared by many runs of one program: the unit tests of a job, each of which would
 * otherwise compile the construct it tests again. Only a function that compiles the same for every
 * run is shared: none of its statements, nor of the functions it runs, belongs to a statement family
 * plugged into the run (each run has its own: a fresh database, the test's assertions) or carries a
 * {@code mock} (answered by the running test's name). Those are compiled once here, in the program's
 * context without a test name or families, and run with each run's own interpreter, frames and
 * limits; every other function is compiled by each run, as before.
 *
 * <p>A new way for compiled code to depend on the run (a mock on another kind of statement, say) must
 * make {@link RunDependence} say so; otherwise the shared code, compiled without a test name, would
 * simply not see it.
 */
public final class SharedCode {
    private final Compiler compiler;
    /** By function; the tree is immutable, so identity is enough (a record's own hash walks the whole tree). */
    private final Map<Document.FunctionDef, Compiler.Function> code = new IdentityHashMap<>();
    private final Map<Document.FunctionDef, Boolean> shareable = new IdentityHashMap<>();

    /** For the runs of {@code program}'s context (its test name and statement families are left out). */
    public SharedCode(RunContext program) {
        this.compiler = new Compiler(program.toBuilder().testName(null).withoutStatements().build());
    }

    /** The shared code of {@code fn}, or null when a run with these families must compile its own. */
    synchronized Compiler.Function code(Document.FunctionDef fn, List<StatementFamily> families) {
        Compiler.Function c = code.get(fn);
        if (c != null) {
            return c;
        }
        Boolean ok = shareable.get(fn);
        if (ok == null) {
            ok = !new RunDependence(compiler.context(), families).in(fn);
            shareable.put(fn, ok);
        }
        if (!ok) {
            return null;
        }
        c = compiler.function(fn);
        code.put(fn, c);
        return c;
    }

    /** Whether a function, or one it runs, has a statement whose compiled code would depend on the run. */
    private static final class RunDependence implements Stmt.Visitor<Boolean> {
        private final RunContext program;
        private final List<StatementFamily> families;
        private final Set<Document.FunctionDef> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        RunDependence(RunContext program, List<StatementFamily> families) {
            this.program = program;
            this.families = families;
        }

        boolean in(Document.FunctionDef fn) {
            return seen.add(fn) && any(fn.stack());
        }

        private boolean any(List<Stmt> stmts) {
            if (stmts != null) {
                for (Stmt s : stmts) {
                    if (s.accept(this)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public Boolean visitInvoke(Stmt.Invoke s) {
            if (s.attributes().containsKey("mock")) {
                return true;
            }
            for (StatementFamily f : families) {
                if (f.owns(s.name())) {
                    return true;
                }
            }
            for (List<Stmt> clause : s.clauses().values()) {
                if (any(clause)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Boolean visitFunctionRun(Stmt.FunctionRun s) {
            // its compiled call keeps the callee's code, so the callee must be shareable too
            Document.FunctionDef callee = program.program().functions().get(s.function());
            return callee != null && in(callee);
        }

        @Override
        public Boolean visitVar(Stmt.Var s) {
            return false;
        }

        @Override
        public Boolean visitConditional(Stmt.Conditional s) {
            for (Stmt.Branch b : s.branches()) {
                if (any(b.body())) {
                    return true;
                }
            }
            return any(s.elseBody());
        }

        @Override
        public Boolean visitSwitch(Stmt.Switch s) {
            for (Stmt.Case c : s.cases()) {
                if (any(c.body())) {
                    return true;
                }
            }
            return any(s.defaultBody());
        }

        @Override
        public Boolean visitForEach(Stmt.ForEach s) {
            return any(s.body());
        }

        @Override
        public Boolean visitFor(Stmt.For s) {
            return any(s.body());
        }

        @Override
        public Boolean visitWhile(Stmt.While s) {
            return any(s.body());
        }

        @Override
        public Boolean visitJump(Stmt.Jump s) {
            return false;
        }

        @Override
        public Boolean visitReturn(Stmt.Return s) {
            return false;
        }

        @Override
        public Boolean visitPrecondition(Stmt.Precondition s) {
            return false;
        }

        @Override
        public Boolean visitThrow(Stmt.Throw s) {
            return false;
        }

        @Override
        public Boolean visitTryCatch(Stmt.TryCatch s) {
            return any(s.tryBody()) || any(s.catchBody()) || any(s.finallyBody());
        }

        @Override
        public Boolean visitGroup(Stmt.Group s) {
            return any(s.body());
        }

        @Override
        public Boolean visitDisabled(Stmt.Disabled s) {
            return false;
        }
    }
}
