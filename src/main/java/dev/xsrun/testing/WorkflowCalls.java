package dev.xsrun.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.runtime.Addons;
import dev.xsrun.runtime.StatementCompiler;
import dev.xsrun.runtime.StatementFamily;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.List;
import java.util.Map;

/**
 * The call functions of workflow tests ({@code api.call}, {@code task.call}, {@code middleware.call},
 * {@code tool.call}, {@code trigger.call}, {@code addon.call}): each runs a construct of the tested
 * folder (a query found by its path and verb, a task, middleware, tool, trigger or addon by its name)
 * with the call's {@code input}, in the test's own run, and gives the construct's response. Its errors
 * pass through, so {@code expect.to_throw} sees them. A target the folder does not hold, or a call of a
 * kind only Xano's platform runs, fails with a sentence that says so.
 */
final class WorkflowCalls implements StatementFamily {
    /** The call functions and the document kinds each may call. */
    private static final Map<String, List<String>> TARGETS = Map.of(
            "api.call", List.of("query"),
            "task.call", List.of("task"),
            "middleware.call", List.of("middleware"),
            "tool.call", List.of("tool"),
            "addon.call", List.of("addon"),
            "trigger.call", List.of("table_trigger", "realtime_trigger", "workspace_trigger", "agent_trigger", "mcp_server_trigger"));
    /** Call forms of the catalogue whose targets exist only on Xano's platform. */
    private static final List<String> PLATFORM_ONLY = List.of("workflow_test.call", "action.call", "action.package.call");

    private final List<Document> documents;
    /** addon.call runs an addon the way a db statement's addon does: its value is its one query's result. */
    private final Addons addons;

    WorkflowCalls(List<Document> documents) {
        this.documents = List.copyOf(documents);
        this.addons = Addons.of(documents);
    }

    @Override
    public boolean owns(String name) {
        return TARGETS.containsKey(name) || PLATFORM_ONLY.contains(name);
    }

    @Override
    public Action compile(Stmt.Invoke s, StatementCompiler c) {
        String call = s.name();
        if (PLATFORM_ONLY.contains(call)) {
            throw c.error(call + " cannot run locally: its target lives only on Xano's platform");
        }
        String name = literal(s.targetExpr());
        if (name == null) {
            throw c.error(call + " needs its target's name in quotes");
        }
        String verb = literal(s.attribute("verb"));
        String group = literal(s.attribute("api_group"));
        Document.Stacked target = find(TARGETS.get(call), name, verb, group);
        if (target == null) {
            throw c.error(call + " \"" + name + "\"" + (verb == null ? "" : " verb=" + verb) + (group == null ? "" : " in api_group \"" + group + "\"")
                    + " cannot run locally: the tested folder has no such " + String.join(" or ", TARGETS.get(call))
                    + " (xsrun calls only the constructs of the folder it tests)");
        }
        Expression input = c.attribute("input");
        if (call.equals("addon.call")) {
            return run -> run.setResult(addons.call(run, target.name(), given(run, input, call, s), s.span()));
        }
        Document.FunctionDef construct = new Document.FunctionDef(target.name(), null, target.inputs(), target.stack(),
                target.response(), List.of(), target.span());
        return run -> run.setResult(run.call(construct, given(run, input, call, s), s.span()));
    }

    /** The call's {@code input} object ({} when not given). */
    private static JsonNode given(dev.xsrun.runtime.StatementRun run, Expression input, String call, Stmt.Invoke s) {
        JsonNode given = input == null ? Values.object() : input.eval(run);
        if (!given.isObject()) {
            throw XsError.fatal(call + ": `input` must be an object, got " + Values.typeName(given)).at(s.span());
        }
        return given;
    }

    /** The construct a call names: of one of those kinds, that name (a query's path without its leading /), verb and group. */
    private Document.Stacked find(List<String> kinds, String name, String verb, String group) {
        String wanted = strip(name);
        for (Document d : documents) {
            if (!(d instanceof Document.Stacked st) || !kinds.contains(st.kind()) || !strip(st.name()).equals(wanted)) {
                continue;
            }
            if (verb != null && st.verb() != null && !st.verb().equalsIgnoreCase(verb)) {
                continue;
            }
            String declared = literal(st.attributes().get("api_group"));
            if (group != null && declared != null && !declared.equals(group)) {
                continue;
            }
            return st;
        }
        return null;
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String literal(Expr e) {
        return e instanceof Expr.Literal l && l.value().isTextual() ? l.value().textValue() : null;
    }
}
