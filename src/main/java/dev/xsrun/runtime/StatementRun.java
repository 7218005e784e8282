package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** What a {@link StatementFamily.Action} may do in the function running it. */
public interface StatementRun {
    /** Sets the statement's {@code as $var}; does nothing when it has none. */
    void setResult(JsonNode value);

    /** Runs a compiled nested stack in the running function ({@code return} and loop control pass through). */
    void run(StatementFamily.Body body);

    /**
     * Calls a construct that need not be one of the program's functions (a query's or task's stack seen
     * as a function) with an input object, in this run, and gives its response; its errors pass through.
     */
    JsonNode call(dev.xsrun.ast.Document.FunctionDef construct, JsonNode input, dev.xsrun.value.SourceSpan at);

    /** The running function's {@code $input}. */
    JsonNode input();

    /** The running function's name. */
    String function();

    /** The run: environment, logs, warnings, limits, clock. */
    RunContext context();

    /** Ends the run if its {@code --timeout} has passed or it was stopped (call it before slow work). */
    void checkDeadline();
}
