package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import java.util.List;

/**
 * A family of statements implemented outside the core (the database's {@code db.*}), installed as a
 * service of the {@link RunContext}. The core hands it each statement whose name starts with its
 * prefix, with a {@link Host} to evaluate expressions, set the result variable and run nested stacks.
 */
public interface StatementFamily {
    /** The names this family runs start with this, e.g. {@code "db."}. */
    String prefix();

    void run(Stmt.Invoke statement, Host host);

    /** What a family may ask of the running job. */
    interface Host {
        JsonNode eval(Expr e);

        /** Stores a statement's result in its {@code as} variable (nothing when it has none). */
        void result(Stmt.Invoke statement, JsonNode value);

        void execute(List<Stmt> body);

        /** Throws the timeout error when the run's deadline has passed. */
        void checkDeadline(dev.xsrun.value.SourceSpan at);
    }
}
