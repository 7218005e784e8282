package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.XsError;
import java.util.List;

/**
 * What {@link StatementFamily#compile} gets: the statement being compiled, and the means to turn its
 * attributes, target, condition and clauses into compiled nodes.
 */
public final class StatementCompiler {
    private final Compiler compiler;
    private final Stmt.Invoke statement;

    StatementCompiler(Compiler compiler, Stmt.Invoke statement) {
        this.compiler = compiler;
        this.statement = statement;
    }

    public Stmt.Invoke statement() {
        return statement;
    }

    /** The run the statement is compiled for. */
    public RunContext context() {
        return compiler.context();
    }

    /** Any expression of the statement compiled; null for null. */
    public StatementFamily.Expression expression(Expr e) {
        return e == null ? null : new StatementFamily.Expression(compiler.expression(e));
    }

    /** The attribute {@code name = ...} compiled, or null when the statement does not have it. */
    public StatementFamily.Expression attribute(String name) {
        return expression(statement.attribute(name));
    }

    /**
     * An expression of the statement that reads a variable the statement sets itself, such as the
     * {@code $output} (each record) of a db statement's {@code addon} inputs; null for null.
     */
    public StatementFamily.Bound bound(Expr e, String variable) {
        return e == null ? null : new StatementFamily.Bound(compiler.expression(e), compiler.place(new LValue(variable, List.of(), e.span())).id);
    }

    /** The attribute compiled, or a constant when the statement does not have it. */
    public StatementFamily.Expression attribute(String name, JsonNode fallback) {
        return new StatementFamily.Expression(code(name, fallback));
    }

    /** What the statement is applied to ({@code array.find ($list)}, or the variable path it names); null when nothing. */
    public StatementFamily.Expression target() {
        if (statement.targetExpr() != null) {
            return expression(statement.targetExpr());
        }
        LValue t = statement.target();
        return t == null ? null : new StatementFamily.Expression(compiler.place(t).reader());
    }

    /** A nested stack by its clause name ({@code stack}); empty when the statement has none. */
    public StatementFamily.Body clause(String name) {
        return new StatementFamily.Body(compiler.block(statement.clauses().getOrDefault(name, List.of())));
    }

    /** An error to throw from {@link StatementFamily#compile}: reported, at the statement, when it runs. */
    public XsError error(String message) {
        return XsError.fatal(message).at(statement.span());
    }

    // ---- for the runtime's own statements -------------------------------------------------------

    Code code(String attribute, JsonNode fallback) {
        Expr e = statement.attribute(attribute);
        return e == null ? new Code.Const(fallback) : compiler.expression(e);
    }

    Code owned(String attribute, JsonNode fallback) {
        Expr e = statement.attribute(attribute);
        return e == null ? new Code.Const(fallback) : compiler.owned(e);
    }

    Code code(Expr e) {
        return compiler.expression(e);
    }

    Place place() {
        return compiler.place(statement.target());
    }

    /** Notes that the statement lists the function's variables in creation order ({@code util.get_vars}). */
    void listsVariables() {
        compiler.listsVariables();
    }

    Step.Block block(List<Stmt> body) {
        return compiler.block(body);
    }
}
