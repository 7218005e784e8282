package dev.xsrun.ast;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.SourceSpan;
import java.util.List;

/** One top-level construct of a .xs file. */
public sealed interface Document {
    SourceSpan span();

    /** A function reference inside a run job: {@code main = {name: "f", input: {...}}}. */
    record FunctionRef(String name, JsonNode input, SourceSpan span) {
    }

    /** {@code run.job "Name" { main = {..} env = [..] }}; pre and post may be null. */
    record RunJob(String name, String description, FunctionRef main, FunctionRef pre, FunctionRef post,
                  List<String> env, SourceSpan span) implements Document {
        public RunJob {
            env = List.copyOf(env);
        }
    }

    /** {@code function "name" { input {..} stack {..} response = e }}; response may be null. */
    record FunctionDef(String name, String description, List<InputField> inputs, List<Stmt> stack, Expr response,
                       SourceSpan span) implements Document {
        public FunctionDef {
            inputs = List.copyOf(inputs);
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

    /** Any other construct (table, query, task, run.service, ...): recognised and not run. */
    record Other(String kind, String name, SourceSpan span) implements Document {
    }
}
