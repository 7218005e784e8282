package dev.xsrun.syntax;

import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warnings about a construct's tests: a {@code test} that asserts nothing, and a {@code mock} key that
 * names none of the construct's tests (so it never answers; most often a typo of the test's name).
 */
final class TestChecks {
    private TestChecks() {
    }

    /**
     * @param what  the construct as the message names it ("function `f`")
     * @param stack its statements, where the mocks are
     * @param tests the names its mock keys may use
     * @param blocks its test blocks (each should assert something), or an empty list
     */
    static void check(AstBuilder ast, String what, List<Stmt> stack, List<String> tests, List<dev.xsrun.ast.Document.TestBlock> blocks) {
        for (dev.xsrun.ast.Document.TestBlock t : blocks) {
            if (!asserts(t.stmts())) {
                ast.warn(t.span(), "test `" + t.name() + "` has no assertion (expect.*); it passes whenever " + what + " runs without an error");
            }
        }
        List<Expr> mocks = new ArrayList<>();
        collectMocks(stack, mocks);
        for (Expr mock : mocks) {
            if (!(mock instanceof Expr.ObjectLiteral)) {
                continue;
            }
            for (Expr.Entry e : ((Expr.ObjectLiteral) mock).entries()) {
                if (e.spread() || e.key() == null || tests.contains(e.key())) {
                    continue;
                }
                String hint = Suggestions.hint(e.key(), tests);
                ast.warn(e.value().span(), "mock key `" + e.key() + "` names no test of " + what
                        + (tests.isEmpty() ? "; it has none" : hint.isEmpty() ? "; its tests are " + names(tests) : hint));
            }
        }
    }

    private static String names(List<String> tests) {
        List<String> quoted = new ArrayList<>();
        tests.forEach(t -> quoted.add("`" + t + "`"));
        return String.join(", ", quoted);
    }

    private static boolean asserts(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Invoke && ((Stmt.Invoke) s).name().startsWith("expect.")) {
                return true;
            }
            List<List<Stmt>> nested = new ArrayList<>();
            nested(s, nested);
            for (List<Stmt> body : nested) {
                if (asserts(body)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collectMocks(List<Stmt> stmts, List<Expr> out) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Var && ((Stmt.Var) s).mock() != null) {
                out.add(((Stmt.Var) s).mock());
            } else if (s instanceof Stmt.FunctionRun && ((Stmt.FunctionRun) s).mock() != null) {
                out.add(((Stmt.FunctionRun) s).mock());
            } else if (s instanceof Stmt.Invoke && ((Stmt.Invoke) s).attribute("mock") != null) {
                out.add(((Stmt.Invoke) s).attribute("mock"));
            }
            List<List<Stmt>> nested = new ArrayList<>();
            nested(s, nested);
            for (List<Stmt> body : nested) {
                collectMocks(body, out);
            }
        }
    }

    /** The statement lists nested in a statement. */
    private static void nested(Stmt s, List<List<Stmt>> out) {
        if (s instanceof Stmt.Conditional) {
            Stmt.Conditional c = (Stmt.Conditional) s;
            c.branches().forEach(b -> out.add(b.body()));
            if (c.elseBody() != null) {
                out.add(c.elseBody());
            }
        } else if (s instanceof Stmt.Switch) {
            Stmt.Switch w = (Stmt.Switch) s;
            w.cases().forEach(c -> out.add(c.body()));
            if (w.defaultBody() != null) {
                out.add(w.defaultBody());
            }
        } else if (s instanceof Stmt.ForEach) {
            out.add(((Stmt.ForEach) s).body());
        } else if (s instanceof Stmt.For) {
            out.add(((Stmt.For) s).body());
        } else if (s instanceof Stmt.While) {
            out.add(((Stmt.While) s).body());
        } else if (s instanceof Stmt.TryCatch) {
            Stmt.TryCatch t = (Stmt.TryCatch) s;
            out.add(t.tryBody());
            out.add(t.catchBody());
            if (t.finallyBody() != null) {
                out.add(t.finallyBody());
            }
        } else if (s instanceof Stmt.Group) {
            out.add(((Stmt.Group) s).body());
        } else if (s instanceof Stmt.Invoke) {
            for (Map.Entry<String, List<Stmt>> c : ((Stmt.Invoke) s).clauses().entrySet()) {
                out.add(c.getValue());
            }
        }
    }
}
