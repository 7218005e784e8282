package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.diag.Suggestions;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.XsError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code addon} documents of a job, and the one way they run: an addon's stack is one
 * {@code db.query} (addons.md), and its value is that query's result, computed with the addon's
 * {@code $input} bound from the object it is called with. {@code addon.call} of a workflow test, the
 * {@code addon = [..]} of a db statement and {@code dbAddonAttr(..)} in a query's {@code eval} all run
 * an addon through {@link #call}.
 */
public final class Addons {
    /** The variable the addon's query stores its result in, which the addon then responds with. */
    private static final String RESULT = "result";

    private final Map<String, Document.Stacked> documents = new LinkedHashMap<>();
    /** Each addon as a function, made once per addon so it is compiled once per run. */
    private final Map<String, Document.FunctionDef> functions = new ConcurrentHashMap<>();

    private Addons(Collection<? extends Document> docs) {
        for (Document d : docs) {
            if (d instanceof Document.Stacked st && st.kind().equals("addon")) {
                documents.putIfAbsent(st.name(), st);
            }
        }
    }

    /** The addons among a job's documents. */
    public static Addons of(Collection<? extends Document> docs) {
        return new Addons(docs);
    }

    /** No addons (a run built without the job's documents). */
    public static Addons none() {
        return new Addons(List.of());
    }

    /**
     * Runs the addon {@code name} with {@code input} in the running function's run and gives its value.
     * An unknown addon, or one whose stack is not one {@code db.query}, is an error of the source at {@code at}.
     */
    public JsonNode call(StatementRun run, String name, JsonNode input, SourceSpan at) {
        return run.call(function(name, at), input, at);
    }

    /**
     * The addon as a function whose response is its one query's result, to call with {@link StatementRun#call};
     * made once per addon, so it is compiled once per run.
     */
    public Document.FunctionDef function(String name, SourceSpan at) {
        Document.FunctionDef fn = functions.get(name);
        if (fn == null) {
            functions.putIfAbsent(name, made(name, at));
            fn = functions.get(name);
        }
        return fn;
    }

    private Document.FunctionDef made(String name, SourceSpan at) {
        Document.Stacked addon = documents.get(name);
        if (addon == null) {
            throw XsError.source("unknown addon `" + name + "`" + Suggestions.hint(name, documents.keySet())
                    + (documents.isEmpty() ? " (the job folder has no `addon` documents)" : ""), at);
        }
        List<Stmt> stack = addon.stack();
        if (stack.size() != 1 || !(stack.get(0) instanceof Stmt.Invoke q) || !q.name().equals("db.query")) {
            throw XsError.source("addon `" + name + "` cannot run: an addon's stack is one `db.query`, this one has "
                    + (stack.size() == 1 ? "`" + describe(stack.get(0)) + "`" : stack.size() + " statements")
                    + " (" + addon.span().file() + ":" + addon.span().line() + ")", at);
        }
        String as = q.as() != null ? q.as() : RESULT;
        Stmt.Invoke query = q.as() != null ? q
                : new Stmt.Invoke(q.name(), q.target(), q.targetExpr(), q.condition(), q.attributes(), q.clauses(), as, q.span());
        return new Document.FunctionDef(addon.name(), null, addon.inputs(), List.of(query),
                new Expr.Variable(as, Expr.Variable.Kind.VAR, q.span()), List.of(), addon.span());
    }

    private static String describe(Stmt s) {
        return s instanceof Stmt.Invoke i ? i.name() : s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
