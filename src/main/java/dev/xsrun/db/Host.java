package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.SourceSpan;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a {@code db.*} statement may ask of the running job while it runs: the values of its
 * expressions (compiled beforehand by {@link DbStatements}), its {@code as} variable, its nested stack
 * ({@code db.transaction}), the job's addons and the run's deadline.
 */
interface Host {
    JsonNode eval(Expr e);

    /** Stores a statement's result in its {@code as} variable (nothing when it has none). */
    void result(Stmt.Invoke statement, JsonNode value);

    void execute(List<Stmt> body);

    /** The {@code input} of an entry of the statement's {@code addon = [..]}, with {@code $output} set to one record. */
    JsonNode addonInput(Expr input, JsonNode output);

    /**
     * The job's addon of that name, to run with an input object for its value; an unknown addon, or one
     * whose stack is not one query, is an error at {@code at} even when no record needs it.
     */
    UnaryOperator<JsonNode> addon(String name, SourceSpan at);

    /** Prints a warning of the run (standard error). */
    void warn(String message);

    /** Throws the timeout error when the run's deadline has passed. */
    void checkDeadline(SourceSpan at);
}
