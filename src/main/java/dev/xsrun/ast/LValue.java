package dev.xsrun.ast;

import dev.xsrun.value.SourceSpan;
import java.util.List;

/**
 * A place a statement writes to: a variable and a path below it ({@code $cart.items[0].qty}).
 * Each path step is an expression; a {@code .name} step is a text literal.
 */
public record LValue(String variable, List<Expr> path, SourceSpan span, int id) {
    public LValue {
        path = List.copyOf(path);
    }

    /** {@code id} is the variable name's number ({@link Names}). */
    public LValue(String variable, List<Expr> path, SourceSpan span) {
        this(variable, path, span, Names.id(variable));
    }

    public boolean isPlain() {
        return path.isEmpty();
    }
}
