package dev.xsrun.runtime;

import dev.xsrun.ast.Expr;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.value.Secrets;
import dev.xsrun.value.XsError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Everything a run needs from outside the language: the loaded program and built-ins, the
 * environment, HTTP, where logs go, the limits, the clock, how to parse text for {@code to_expr}, the
 * secrets everything printed is masked with, the unit test being run (for mocks), and the statement families plugged in ({@link StatementFamily},
 * asked before the runtime's own). Each service is a typed component; a new one is a
 * component here and a method of {@link Builder}. Make one with {@link #builder(Program)}.
 */
public record RunContext(Program program, Map<String, Builtin> builtins, Env env, HttpCaller http,
                         FilterRegistry filters, Consumer<String> debugLog, Consumer<String> warnings,
                         Limits limits, LongSupplier clock, Function<String, Expr> expressionParser,
                         Secrets secrets, List<StatementFamily> statements, String testName) {

    public RunContext {
        statements = List.copyOf(statements);
        Objects.requireNonNull(program, "program");
        builtins = Map.copyOf(builtins);
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(debugLog, "debugLog");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(expressionParser, "expressionParser");
        Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * A context for the program with quiet defaults: no built-ins, an empty environment, no HTTP (a
     * request is an error), the standard filters, logs and warnings dropped, default limits, the system
     * clock, no {@code to_expr}, a fresh secret registry.
     */
    public static Builder builder(Program program) {
        return new Builder(program);
    }

    /** This run with more statement families, asked after those it has. */
    public RunContext withStatements(StatementFamily... families) {
        Builder b = toBuilder();
        for (StatementFamily f : families) {
            b.statements(f);
        }
        return b.build();
    }

    /** A builder holding this context's services, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(program);
        b.builtins.putAll(builtins);
        b.env = env;
        b.http = http;
        b.filters = filters;
        b.debugLog = debugLog;
        b.warnings = warnings;
        b.limits = limits;
        b.clock = clock;
        b.expressionParser = expressionParser;
        b.secrets = secrets;
        b.statements.addAll(statements);
        b.testName = testName;
        return b;
    }

    /** Builds a {@link RunContext}; every service has a default (see {@link RunContext#builder}). */
    public static final class Builder {
        private final Program program;
        private final Map<String, Builtin> builtins = new LinkedHashMap<>();
        private Env env = Env.empty();
        private HttpCaller http = attrs -> {
            throw XsError.fatal("api.request: this run cannot send HTTP requests");
        };
        private FilterRegistry filters;
        private Consumer<String> debugLog = line -> { };
        private Consumer<String> warnings = line -> { };
        private Limits limits = Limits.defaults();
        private LongSupplier clock = System::currentTimeMillis;
        private Function<String, Expr> expressionParser = text -> {
            throw XsError.fatal("to_expr: expressions cannot be parsed in this run");
        };
        private Secrets secrets;
        private final List<StatementFamily> statements = new ArrayList<>();
        private String testName;

        private Builder(Program program) {
            this.program = Objects.requireNonNull(program, "program");
        }

        /** Adds a built-in under its name, replacing one of the same name. */
        public Builder builtin(Builtin b) {
            builtins.put(b.name(), b);
            return this;
        }

        public Builder env(Env e) {
            env = e;
            return this;
        }

        public Builder http(HttpCaller h) {
            http = h;
            return this;
        }

        public Builder filters(FilterRegistry f) {
            filters = f;
            return this;
        }

        public Builder debugLog(Consumer<String> sink) {
            debugLog = sink;
            return this;
        }

        public Builder warnings(Consumer<String> sink) {
            warnings = sink;
            return this;
        }

        public Builder limits(Limits l) {
            limits = l;
            return this;
        }

        public Builder clock(LongSupplier c) {
            clock = c;
            return this;
        }

        public Builder expressionParser(Function<String, Expr> p) {
            expressionParser = p;
            return this;
        }

        public Builder secrets(Secrets s) {
            secrets = s;
            return this;
        }

        /** Adds a statement family, asked after those already added. */
        public Builder statements(StatementFamily f) {
            statements.add(f);
            return this;
        }

        /**
         * The name of the unit test this run is for ({@code xsrun test}); null outside tests. A statement
         * with {@code mock = {"that name": value}} then gives that value instead of running.
         */
        public Builder testName(String name) {
            testName = name;
            return this;
        }

        public RunContext build() {
            return new RunContext(program, builtins, env, http, filters == null ? FilterRegistry.standard() : filters,
                    debugLog, warnings, limits, clock, expressionParser, secrets == null ? new Secrets() : secrets, statements,
                    testName);
        }
    }
}
