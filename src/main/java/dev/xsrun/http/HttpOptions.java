package dev.xsrun.http;

import dev.xsrun.value.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How this run sends HTTP: routes, dry run, verbose logging, where log lines and warnings go, the
 * secrets to mask in them, the response size cap, the default timeout and the wire itself.
 * Immutable; {@link #dispatcher()} gives the transport every caller should send through.
 *
 * @param routes         {@code --route} rules; the first whose prefix matches rewrites the URL
 * @param dryRun         send nothing; describe each request to {@code log} and answer from a stand-in
 * @param verbose        log each request and response line with its timing to {@code log}
 * @param log            sink for dry-run and verbose lines (already masked when they arrive)
 * @param warn           sink for warnings such as TLS checks being off (already masked)
 * @param secrets        the run's secrets; every line given to {@code log} or {@code warn} is masked with it
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
        Secrets secrets,
        long maxBodyBytes,
        Duration defaultTimeout,
        HttpTransport wire) {

    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HttpOptions {
        routes = List.copyOf(routes);
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(warn, "warn");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(wire, "wire");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    /** No routes, real sending, quiet, logs and warnings dropped, a fresh secret registry. */
    public static HttpOptions defaults() {
        return new HttpOptions(List.of(), false, false, line -> { }, line -> { }, new Secrets(),
                DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT, JdkTransport.shared());
    }

    public HttpOptions withRoutes(List<Route> r) {
        return new HttpOptions(r, dryRun, verbose, log, warn, secrets, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withDryRun(boolean d) {
        return new HttpOptions(routes, d, verbose, log, warn, secrets, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withVerbose(boolean v) {
        return new HttpOptions(routes, dryRun, v, log, warn, secrets, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withLog(Consumer<String> l) {
        return new HttpOptions(routes, dryRun, verbose, l, warn, secrets, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withWarn(Consumer<String> w) {
        return new HttpOptions(routes, dryRun, verbose, log, w, secrets, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withSecrets(Secrets s) {
        return new HttpOptions(routes, dryRun, verbose, log, warn, s, maxBodyBytes, defaultTimeout, wire);
    }

    public HttpOptions withMaxBodyBytes(long m) {
        return new HttpOptions(routes, dryRun, verbose, log, warn, secrets, m, defaultTimeout, wire);
    }

    public HttpOptions withDefaultTimeout(Duration t) {
        return new HttpOptions(routes, dryRun, verbose, log, warn, secrets, maxBodyBytes, t, wire);
    }

    public HttpOptions withWire(HttpTransport w) {
        return new HttpOptions(routes, dryRun, verbose, log, warn, secrets, maxBodyBytes, defaultTimeout, w);
    }

    /** The transport that applies these options (routes, redirects, dry run, verbose) around the wire. */
    public HttpTransport dispatcher() {
        return new Dispatcher(this);
    }

    /** Logs a line through the masked log sink. */
    public void logLine(String line) {
        log.accept(secrets.mask(line));
    }

    /** Emits a warning through the masked warning sink. */
    public void warning(String line) {
        warn.accept(secrets.mask(line));
    }
}
