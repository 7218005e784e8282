package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.runtime.Addons;
import dev.xsrun.runtime.StatementCompiler;
import dev.xsrun.runtime.StatementFamily;
import dev.xsrun.runtime.StatementRun;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.XsError;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code db.*} statements as a {@link StatementFamily} of the run. The SQL of a statement depends
 * on its values (a null-safe {@code ==?} drops its condition), so the statement is translated when it
 * runs (a {@code db.query} site keeps the text of each shape of its values it met: {@link WherePlan});
 * what is compiled once is every value it may need: each sub-expression of its attributes and
 * target that reads no {@code $db} field and is no query-only node, each nested stack, and each
 * {@code input} of its {@code addon = [..]} with {@code $output} bound per record.
 */
public final class DbStatements implements StatementFamily {
    private final Database database;
    private final Addons addons;

    public DbStatements(Database database) {
        this(database, Addons.none());
    }

    /** @param addons the job's addons, which {@code addon = [..]} and {@code dbAddonAttr(..)} run */
    public DbStatements(Database database, Addons addons) {
        this.database = database;
        this.addons = addons;
    }

    @Override
    public boolean owns(String name) {
        return name.startsWith("db.");
    }

    @Override
    public Action compile(Stmt.Invoke s, StatementCompiler c) {
        Map<Expr, Expression> values = new IdentityHashMap<>();
        Map<Expr, Bound> addonInputs = new IdentityHashMap<>();
        for (Map.Entry<String, Expr> a : s.attributes().entrySet()) {
            if (a.getKey().equals("addon")) {
                compileAddons(a.getValue(), c, values, addonInputs);
            } else {
                compileValues(a.getValue(), c, values);
            }
        }
        if (s.targetExpr() != null) {
            compileValues(s.targetExpr(), c, values);
        }
        Map<List<Stmt>, Body> bodies = new IdentityHashMap<>();
        for (Map.Entry<String, List<Stmt>> clause : s.clauses().entrySet()) {
            bodies.put(clause.getValue(), c.clause(clause.getKey()));
        }
        return run -> database.run(s, new Host() {
            @Override
            public JsonNode eval(Expr e) {
                Expression x = values.get(e);
                if (x == null) {
                    throw XsError.fatal(s.name() + ": this expression cannot be used as a value here").at(e.span());
                }
                return x.eval(run);
            }

            @Override
            public void result(Stmt.Invoke statement, JsonNode value) {
                run.setResult(value);
            }

            @Override
            public void execute(List<Stmt> body) {
                Body b = bodies.get(body);
                if (b != null) {
                    run.run(b);
                }
            }

            @Override
            public JsonNode addonInput(Expr input, JsonNode output) {
                return addonInputs.get(input).eval(run, output);
            }

            @Override
            public UnaryOperator<JsonNode> addon(String name, SourceSpan at) {
                Document.FunctionDef fn = addons.function(name, at);
                return input -> run.call(fn, input, at);
            }

            @Override
            public void warn(String message) {
                run.context().warnings().accept(message);
            }

            @Override
            public void checkDeadline(SourceSpan at) {
                run.checkDeadline();
            }
        });
    }

    /**
     * {@code addon = [{name: .., input: {..}, as: ".."}, ..]}: each entry's {@code input} is compiled to be
     * read once per record with {@code $output} set to it, its other values as values. An attribute of
     * another shape is refused when the statement runs ({@link AddonFields}).
     */
    private static void compileAddons(Expr list, StatementCompiler c, Map<Expr, Expression> values, Map<Expr, Bound> inputs) {
        if (!(list instanceof Expr.ArrayLiteral)) {
            return;
        }
        for (Expr.Element el : ((Expr.ArrayLiteral) list).elements()) {
            if (!(el.value() instanceof Expr.ObjectLiteral)) {
                continue;
            }
            for (Expr.Entry e : ((Expr.ObjectLiteral) el.value()).entries()) {
                if ("input".equals(e.key())) {
                    inputs.put(e.value(), c.bound(e.value(), "output"));
                } else {
                    compileValues(e.value(), c, values);
                }
            }
        }
    }

    /**
     * Compiles the largest sub-trees of {@code e} that can be computed before the query: those that
     * read no {@code $db} field and hold no query-only node. Where a tree cannot be, its parts are tried.
     */
    private static void compileValues(Expr e, StatementCompiler c, Map<Expr, Expression> values) {
        if (e == null) {
            return;
        }
        if (!readsDatabase(e)) {
            try {
                values.put(e, c.expression(e));
                return;
            } catch (RuntimeException notAValue) {
                // parts of it may still be values: tried below
            }
        }
        for (Expr child : children(e)) {
            compileValues(child, c, values);
        }
    }

    /** Whether an expression reads the row (so it is translated to SQL, not compiled as a value). */
    static boolean readsDatabase(Expr e) {
        if (e instanceof Expr.DbCompare || e instanceof Expr.DbBetween || e instanceof Expr.DbFilterCall) {
            return true;
        }
        if (e instanceof Expr.Variable && "db".equals(((Expr.Variable) e).name())) {
            return true;
        }
        for (Expr child : children(e)) {
            if (readsDatabase(child)) {
                return true;
            }
        }
        return false;
    }

    /** The expressions a node holds, found through its record components (every Expr is a record). */
    private static List<Expr> children(Expr e) {
        java.util.ArrayList<Expr> out = new java.util.ArrayList<>();
        if (!e.getClass().isRecord()) {
            return out;
        }
        for (RecordComponent rc : e.getClass().getRecordComponents()) {
            Object v;
            try {
                v = rc.getAccessor().invoke(e);
            } catch (ReflectiveOperationException ex) {
                continue;
            }
            collect(v, out);
        }
        return out;
    }

    private static void collect(Object v, List<Expr> out) {
        if (v instanceof Expr) {
            out.add((Expr) v);
        } else if (v instanceof Collection) {
            for (Object o : (Collection<?>) v) {
                collect(o, out);
            }
        } else if (v instanceof Map) {
            for (Object o : ((Map<?, ?>) v).values()) {
                collect(o, out);
            }
        } else if (v instanceof Record) {
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                try {
                    collect(rc.getAccessor().invoke(v), out);
                } catch (ReflectiveOperationException ex) {
                    // not readable: nothing of it is a value
                }
            }
        }
    }
}
