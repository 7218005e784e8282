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

    /** Any other construct (table, query, task, run.service, ...): recognised and not run. */
    record Other(String kind, String name, SourceSpan span) implements Document {
    }
}
