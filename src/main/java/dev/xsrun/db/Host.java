package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.SourceSpan;
import java.util.List;

/**
 * What a {@code db.*} statement may ask of the running job while it runs: the values of its
 * expressions (compiled beforehand by {@link DbStatements}), its {@code as} variable, its nested stack
 * ({@code db.transaction}) and the run's deadline.
 */
interface Host {
    JsonNode eval(Expr e);

    /** Stores a statement's result in its {@code as} variable (nothing when it has none). */
    void result(Stmt.Invoke statement, JsonNode value);

    void execute(List<Stmt> body);

    /** Prints a warning of the run (standard error). */
    void warn(String message);

    /** Throws the timeout error when the run's deadline has passed. */
    void checkDeadline(SourceSpan at);
}
