package dev.xsrun.http;

import dev.xsrun.value.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How this run sends HTTP: routes, dry run, verbose logging, where log lines and warnings go, the
 * response size cap, the default timeout and the wire itself. Immutable and the same for every thread
 * of a run; the secrets lines are masked with are the caller's ({@link #dispatcher(Secrets)}).
 *
 * @param routes         {@code --route} rules; the first whose prefix matches rewrites the URL
 * @param dryRun         send nothing; describe each request to {@code log} and answer from a stand-in
 * @param verbose        log each request and response line with its timing to {@code log}
 * @param log            sink for dry-run and verbose lines (already masked when they arrive)
 * @param warn           sink for warnings such as TLS checks being off (already masked)
 * @param maxBodyBytes   largest response body kept; a bigger one is a transport failure
 * @param defaultTimeout used when a request names none
 * @param wire           the sender of single exchanges (no redirects, no routes); {@link JdkTransport} normally
 */
public record HttpOptions(
        List<Route> routes,
        boolean dryRun,
        boolean verbose,
        Consumer<String> log,
        Consumer<String> warn,
        long maxBodyBytes,
        Duration defaultTimeout,
        HttpTransport wire) {

    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpOptions {
        routes = List.copyOf(routes);
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(warn, "warn");
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(wire, "wire");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    /** No routes, real sending, quiet, logs and warnings dropped. */
    public static HttpOptions defaults() {
        return new HttpOptions(List.of(), false, false, line -> { }, line -> { },
                DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT, JdkTransport.shared());
    }

    public HttpOptions withRoutes(List<Route> r) {
        return new HttpOptions(r, dryRun, verbose, log, warn, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withDryRun(boolean d) {
        return new HttpOptions(routes, d, verbose, log, warn, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withVerbose(boolean v) {
        return new HttpOptions(routes, dryRun, v, log, warn, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withLog(Consumer<String> l) {
        return new HttpOptions(routes, dryRun, verbose, l, warn, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withWarn(Consumer<String> w) {
        return new HttpOptions(routes, dryRun, verbose, log, w, maxBodyBytes, defaultTimeout, wire);
    }


    public HttpOptions withMaxBodyBytes(long m) {
        return new HttpOptions(routes, dryRun, verbose, log, warn, m, defaultTimeout, wire);
    }

    public HttpOptions withDefaultTimeout(Duration t) {
        return new HttpOptions(routes, dryRun, verbose, log, warn, maxBodyBytes, t, wire);
    }

    public HttpOptions withWire(HttpTransport w) {
        return new HttpOptions(routes, dryRun, verbose, log, warn, maxBodyBytes, defaultTimeout, w);
    }

    /**
     * The transport that applies these options (routes, redirects, dry run, verbose) around the wire;
     * every line it logs or warns is masked with {@code secrets}.
     */
    public HttpTransport dispatcher(Secrets secrets) {
        return new Dispatcher(this, secrets);
    }

    /** Logs a line through the log sink, masked with {@code secrets}. */
    public void logLine(String line, Secrets secrets) {
        log.accept(secrets.mask(line));
    }

    /** Emits a warning through the warning sink, masked with {@code secrets}. */
    public void warning(String line, Secrets secrets) {
        warn.accept(secrets.mask(line));
    }
}
