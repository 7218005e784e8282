package dev.xsrun.runtime;

import dev.xsrun.ast.Expr;
import dev.xsrun.filters.FilterRegistry;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Everything a run needs from outside the language: the loaded program and built-ins, the
 * environment, HTTP, where logs go, the limits, the clock, and how to parse text for {@code to_expr}.
 */
public record RunContext(Program program, Map<String, Builtin> builtins, Env env, HttpCaller http,
                         FilterRegistry filters, Consumer<String> debugLog, Consumer<String> warnings,
                         Limits limits, LongSupplier clock, Function<String, Expr> expressionParser,
                         Map<String, Object> services) {

    /** A service a built-in needs (the Segment client, HTTP options), looked up by its class. */
    public <T> T service(Class<T> type) {
        Object o = services.get(type.getName());
        return o == null ? null : type.cast(o);
    }
}
