package dev.xsrun.ast;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One top-level construct of a .xs file. {@link DocumentCatalogue} says which kinds exist and what
 * each accepts; the records here are the shapes they are built into.
 */
public sealed interface Document {
    SourceSpan span();

    /** A function reference inside a run job: {@code main = {name: "f", input: {...}}}. */
    record FunctionRef(String name, JsonNode input, SourceSpan span) {
    }

    /**
     * {@code test "name" { input = {...} datasource = "x" expect.to_equal ($response.a) { value = 1 } }}
     * inside a function, query or middleware. {@code input} and {@code datasource} are null when not
     * given; {@code stmts} are the block's statements in order (mostly {@code expect.*} assertions, each
     * an {@link Stmt.Invoke} with its own span).
     */
    record TestBlock(String name, Expr input, Expr datasource, List<Stmt> stmts, SourceSpan span) {
        public TestBlock {
            stmts = List.copyOf(stmts);
        }
    }

    /** {@code run.job "Name" { main = {..} env = [..] }}; pre and post may be null. */
    record RunJob(String name, String description, FunctionRef main, FunctionRef pre, FunctionRef post,
                  List<String> env, SourceSpan span) implements Document {
        public RunJob {
            env = List.copyOf(env);
        }
    }

    /** {@code function "name" { input {..} stack {..} response = e test "t" {..} }}; response may be null. */
    record FunctionDef(String name, String description, List<InputField> inputs, List<Stmt> stack, Expr response,
                       List<TestBlock> tests, SourceSpan span) implements Document {
        public FunctionDef {
            inputs = List.copyOf(inputs);
            stack = List.copyOf(stack);
            tests = List.copyOf(tests);
        }

        public FunctionDef(String name, String description, List<InputField> inputs, List<Stmt> stack, Expr response,
                           SourceSpan span) {
            this(name, description, inputs, stack, response, List.of(), span);
        }
    }

    /**
     * A construct with a stack that Xano runs on an event: {@code query} (an endpoint, with its verb),
     * {@code task}, {@code middleware}, {@code addon}, {@code tool} and the trigger kinds. {@code verb}
     * is null except for queries; {@code attributes} holds every {@code name = value} of the document
     * (response included) in source order; {@code response} is null when not given.
     */
    record Stacked(String kind, String name, String verb, Map<String, Expr> attributes, List<InputField> inputs,
                   List<Stmt> stack, Expr response, List<TestBlock> tests, SourceSpan span) implements Document {
        public Stacked {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            inputs = List.copyOf(inputs);
            stack = List.copyOf(stack);
            tests = List.copyOf(tests);
        }
    }

    /**
     * A construct made of settings only: {@code api_group}, {@code agent}, {@code mcp_server},
     * {@code realtime_channel}, {@code workspace}, {@code branch}, {@code run.service}.
     */
    record Settings(String kind, String name, Map<String, Expr> attributes, SourceSpan span) implements Document {
        public Settings {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /**
     * {@code workflow_test "name" { datasource = "x" tags = [..] stack { function.call ... expect.* } }}:
     * a test that calls the workspace's constructs; {@code datasource} is null when not given.
     */
    record WorkflowTest(String name, Expr datasource, Map<String, Expr> attributes, List<Stmt> stack, SourceSpan span)
            implements Document {
        public WorkflowTest {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            stack = List.copyOf(stack);
        }
    }

    /**
     * {@code table "name" { schema { .. } index = [..] }}: the columns (declared like inputs) and the
     * indexes. {@code references} maps a field to the table its {@code table = ".."} names.
     */
    record Table(String name, List<InputField> schema, List<TableIndex> indexes, java.util.Map<String, String> references,
                 SourceSpan span) implements Document {
        public Table {
            schema = List.copyOf(schema);
            indexes = List.copyOf(indexes);
            references = java.util.Map.copyOf(references);
        }
    }

    /** One entry of a table's {@code index = [..]}: its type ({@code btree|unique} ...) and fields with their op. */
    record TableIndex(String type, List<String> fields, List<String> ops, SourceSpan span) {
        public TableIndex {
            fields = List.copyOf(fields);
            ops = List.copyOf(ops);
        }

        public boolean unique() {
            return type.endsWith("|unique") || type.equals("primary");
        }
    }

    /** A construct kind the catalogue does not know: recorded after its error was reported. */
    record Other(String kind, String name, SourceSpan span) implements Document {
    }
}
