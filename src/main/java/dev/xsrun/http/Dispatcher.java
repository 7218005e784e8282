package dev.xsrun.http;

import dev.xsrun.value.Secrets;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a run's {@link HttpOptions} around the wire: {@code --route} rewrites, redirect following,
 * the dry-run stand-in, verbose lines with timings, and the warning when TLS checks are off.
 *
 * <p>Redirects are followed here rather than by java.net.http so that routes apply to every hop, the
 * whole chain shares one deadline, and the rules match curl (which Xano's engine uses): at most
 * {@value #MAX_REDIRECTS} hops; 301, 302 and 303 turn a POST into a bodiless GET (303 turns every
 * method but HEAD into GET); 307 and 308 keep method and body; an https-to-http hop is followed, as
 * curl does; and credentials ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}) are
 * dropped whenever a hop changes scheme, host or port.
 */
final class Dispatcher implements HttpTransport {
    static final int MAX_REDIRECTS = 10;
    private static final int DRY_RUN_BODY_CHARS = 4000;
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    private final HttpOptions o;
    private final Secrets secrets;

    Dispatcher(HttpOptions options, Secrets secrets) {
        this.o = Objects.requireNonNull(options);
        this.secrets = Objects.requireNonNull(secrets);
    }

    @Override
    public HttpReply send(OutgoingRequest request) throws TransportFailure {
        OutgoingRequest req = request.withMaxBodyBytes(o.maxBodyBytes());
        if (!req.verifyPeer()) {
            o.warning("warning: TLS certificate checks are off for " + hostOf(req.url()) + " (verify_peer = false)", secrets);
        } else if (!req.verifyHost()) {
            o.warning("warning: TLS host-name check is off for " + hostOf(req.url()) + " (verify_host = false)", secrets);
        }
        if (o.dryRun()) {
            return dryRun(req);
        }

        long totalMs = Math.max(1, req.timeout().toMillis());
        long deadline = System.nanoTime() + totalMs * 1_000_000L;
        String method = req.method();
        String url = req.url();
        List<HttpHeader> headers = req.headers();
        byte[] body = req.body();
        for (int hops = 0; ; hops++) {
            String target = route(url);
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (remainingMs <= 0) {
                throw TransportFailure.timeout(totalMs);
            }
            OutgoingRequest hop = req.with(method, target, headers, body).withTimeout(Duration.ofMillis(remainingMs));
            if (o.verbose()) {
                log("> " + method + " " + target + (target.equals(url) ? "" : " (routed from " + url + ")")
                        + (body == null ? "" : " [" + body.length + " bytes]"));
            }
            long started = System.nanoTime();
            HttpReply reply;
            try {
                reply = o.wire().send(hop);
            } catch (TransportFailure f) {
                if (o.verbose()) {
                    log("! " + f.getMessage() + " after " + millisSince(started) + " ms");
                }
                throw f.kind() == TransportFailure.Kind.TIMEOUT ? TransportFailure.timeout(totalMs) : f;
            }
            if (o.verbose()) {
                log("< " + reply.protocol() + " " + reply.status() + " in " + millisSince(started) + " ms ["
                        + reply.body().length + " bytes]");
            }

            String location = reply.header("location");
            if (!req.followRedirects() || !isRedirect(reply.status()) || location == null || location.isBlank()) {
                return reply;
            }
            URI current = URI.create(target);
            URI next;
            try {
                next = current.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                return reply;
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return reply;
            }
            if (hops + 1 > MAX_REDIRECTS) {
                throw new TransportFailure(TransportFailure.Kind.TOO_MANY_REDIRECTS,
                        "Maximum (" + MAX_REDIRECTS + ") redirects followed");
            }
            int s = reply.status();
            boolean toGet = (s == 303 && !method.equals("HEAD") && !method.equals("GET"))
                    || ((s == 301 || s == 302) && method.equals("POST"));
            List<HttpHeader> nextHeaders = new ArrayList<>();
            boolean sameOrigin = sameOrigin(current, next);
            for (HttpHeader h : headers) {
                String n = h.name().toLowerCase(Locale.ROOT);
                if (!sameOrigin && CREDENTIAL_HEADERS.contains(n)) {
                    continue;
                }
                if (toGet && n.equals("content-type")) {
                    continue;
                }
                nextHeaders.add(h);
            }
            if (toGet) {
                method = "GET";
                body = null;
            }
            headers = nextHeaders;
            url = next.toString();
        }
    }

    /** The URL after the first matching route, or the URL itself. */
    String route(String url) {
        return Route.first(o.routes(), url);
    }

    private HttpReply dryRun(OutgoingRequest req) {
        String target = route(req.url());
        log("[dry-run] " + req.method() + " " + target + (target.equals(req.url()) ? "" : " (routed from " + req.url() + ")"));
        for (HttpHeader h : req.headers()) {
            log("[dry-run]   " + h.name() + ": " + redactCredential(h));
        }
        if (req.body() != null) {
            log("[dry-run]   body: " + describeBody(req.body()));
        }
        String body = StandIn.isSegment(req.url()) ? "{\"success\":true}" : "{\"dry_run\":true}";
        log("[dry-run] answered 200 by the stand-in: " + body);
        return new HttpReply(200, "HTTP/1.1",
                List.of(new HttpHeader("content-type", "application/json"), new HttpHeader("x-xsrun-dry-run", "true")),
                body.getBytes(StandardCharsets.UTF_8), req.url(), Duration.ZERO);
    }

    /** Credentials are hidden in dry-run output even when they are not registered secrets. */
    private static String redactCredential(HttpHeader h) {
        if (!CREDENTIAL_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
            return h.value();
        }
        String v = h.value().trim();
        int sp = v.indexOf(' ');
        return sp > 0 && h.name().toLowerCase(Locale.ROOT).endsWith("authorization") ? v.substring(0, sp) + " ****" : "****";
    }

    private static String describeBody(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "<" + body.length + " bytes of binary data>";
        }
        if (text.length() > DRY_RUN_BODY_CHARS) {
            return text.substring(0, DRY_RUN_BODY_CHARS) + "... (" + body.length + " bytes in all)";
        }
        return text;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000L;
    }

    /** Which embedded answer a dry run gives. */
    static final class StandIn {
        private StandIn() {
        }

        /** Segment's ingestion hosts, US and EU, whatever the path. */
        static boolean isSegment(String url) {
            String host = lower(hostOf(url));
            return host != null && (host.equals("api.segment.io") || host.endsWith(".segment.io")
                    || host.equals("events.eu1.segmentapis.com") || host.endsWith(".segmentapis.com"));
        }
    }

    private void log(String line) {
        o.logLine(line, secrets);
    }
}
