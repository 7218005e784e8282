package dev.xsrun.runtime;

import dev.xsrun.ast.Expr;
import dev.xsrun.filters.FilterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Everything a run needs from outside the language: the loaded program and built-ins, the
 * environment, HTTP, where logs go, the limits, the clock, how to parse text for {@code to_expr},
 * and the statement families plugged in ({@link StatementFamily}, asked before the runtime's own).
 */
public record RunContext(Program program, Map<String, Builtin> builtins, Env env, HttpCaller http,
                         FilterRegistry filters, Consumer<String> debugLog, Consumer<String> warnings,
                         Limits limits, LongSupplier clock, Function<String, Expr> expressionParser,
                         Map<String, Object> services, List<StatementFamily> statements) {

    public RunContext {
        statements = List.copyOf(statements);
    }

    /** A run without statement families of its own. */
    public RunContext(Program program, Map<String, Builtin> builtins, Env env, HttpCaller http,
                      FilterRegistry filters, Consumer<String> debugLog, Consumer<String> warnings,
                      Limits limits, LongSupplier clock, Function<String, Expr> expressionParser,
                      Map<String, Object> services) {
        this(program, builtins, env, http, filters, debugLog, warnings, limits, clock, expressionParser, services, List.of());
    }

    /** This run with more statement families, asked after those it has. */
    public RunContext withStatements(StatementFamily... families) {
        List<StatementFamily> all = new ArrayList<>(statements);
        all.addAll(List.of(families));
        return new RunContext(program, builtins, env, http, filters, debugLog, warnings, limits, clock, expressionParser, services, all);
    }

    /** A service a built-in needs (the Segment client, HTTP options), looked up by its class. */
    public <T> T service(Class<T> type) {
        Object o = services.get(type.getName());
        return o == null ? null : type.cast(o);
    }
}
