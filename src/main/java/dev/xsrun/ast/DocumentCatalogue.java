package dev.xsrun.ast;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every kind of top-level construct of the language with what it accepts: its attributes (and which
 * are required), its clauses ({@code input}, {@code stack}, {@code test}), whether it carries a verb,
 * and which record it is built into.
 */
public final class DocumentCatalogue {
    /** The record a kind is built into. */
    public enum Form {
        FUNCTION, RUN_JOB, STACKED, SETTINGS, WORKFLOW_TEST, TABLE
    }

    /**
     * One kind. {@code clauses} are the block clauses it takes ({@code input}, {@code stack},
     * {@code test}); {@code stackRequired} says whether {@code stack} must be there;
     * {@code blockOptional} lets the construct end after its name ({@code run.service "x"}).
     */
    public record Kind(String name, Form form, boolean verb, Set<String> attributes, Set<String> requiredAttributes,
                       Set<String> clauses, boolean stackRequired, boolean blockOptional) {
    }

    /** Attributes every construct accepts (kept by Xano's editor). */
    public static final Set<String> COMMON = Set.of("description", "guid", "tags");
    /** The HTTP verbs of {@code query "path" verb=...}. */
    public static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        add("function", Form.FUNCTION, false, List.of("response", "docs", "history", "cache", "middleware"), List.of(),
                List.of("input", "stack", "test"), true);
        add("run.job", Form.RUN_JOB, false, List.of("main", "pre", "post", "env"), List.of("main"), List.of(), false);
        KINDS.put("run.service", new Kind("run.service", Form.SETTINGS, false, with("pre", "env"), Set.of(), Set.of(), false, true));
        add("query", Form.STACKED, true, List.of("api_group", "auth", "response", "history", "cache", "docs", "middleware",
                "input_type"), List.of(), List.of("input", "stack", "test"), true);
        add("api_group", Form.SETTINGS, false, List.of("canonical", "active", "swagger", "history", "docs"), List.of("canonical"),
                List.of(), false);
        add("task", Form.STACKED, false, List.of("schedule", "active", "history", "docs", "middleware"), List.of(),
                List.of("input", "stack"), true);
        add("middleware", Form.STACKED, false, List.of("exception_policy", "response_strategy", "response", "history", "docs"),
                List.of(), List.of("input", "stack", "test"), true);
        add("addon", Form.STACKED, false, List.of("docs"), List.of(), List.of("input", "stack"), true);
        add("tool", Form.STACKED, false, List.of("instructions", "response", "history", "docs"), List.of(),
                List.of("input", "stack", "test"), true);
        add("agent", Form.SETTINGS, false, List.of("canonical", "llm", "tools", "external_mcp_servers", "history", "docs"),
                List.of("llm"), List.of(), false);
        add("mcp_server", Form.SETTINGS, false, List.of("canonical", "instructions", "tools", "history", "docs"),
                List.of("canonical"), List.of(), false);
        add("realtime_channel", Form.SETTINGS, false, List.of("active", "public_messaging", "private_messaging", "settings",
                "history", "docs"), List.of(), List.of(), false);
        add("table_trigger", Form.STACKED, false, List.of("table", "actions", "datasources", "active", "history", "docs"),
                List.of("table"), List.of("input", "stack"), true);
        add("realtime_trigger", Form.STACKED, false, List.of("channel", "actions", "active", "response", "history", "docs"),
                List.of("channel"), List.of("input", "stack"), true);
        add("workspace_trigger", Form.STACKED, false, List.of("actions", "active", "history", "docs"), List.of(),
                List.of("input", "stack"), true);
        add("agent_trigger", Form.STACKED, false, List.of("agent", "actions", "active", "response", "history", "docs"),
                List.of("agent"), List.of("input", "stack"), true);
        add("mcp_server_trigger", Form.STACKED, false, List.of("mcp_server", "actions", "active", "response", "history", "docs"),
                List.of("mcp_server"), List.of("input", "stack"), true);
        add("workflow_test", Form.WORKFLOW_TEST, false, List.of("datasource"), List.of(), List.of("stack"), true);
        add("workspace", Form.SETTINGS, false, List.of("env", "acceptance", "preferences", "realtime"), List.of(), List.of(), false);
        add("branch", Form.SETTINGS, false, List.of("color", "middleware", "history"), List.of(), List.of(), false);
        add("table", Form.TABLE, false, List.of(), List.of(), List.of(), false);
    }

    private DocumentCatalogue() {
    }

    private static Set<String> with(String... own) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(COMMON);
        all.addAll(List.of(own));
        return Collections.unmodifiableSet(all);
    }

    private static void add(String name, Form form, boolean verb, List<String> attributes, List<String> required,
                            List<String> clauses, boolean stackRequired) {
        KINDS.put(name, new Kind(name, form, verb, with(attributes.toArray(new String[0])), Set.copyOf(required),
                Set.copyOf(clauses), stackRequired, false));
    }

    /** The kind of that name, or null. */
    public static Kind lookup(String name) {
        return KINDS.get(name);
    }

    public static Collection<String> names() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }
}
