package dev.xsrun.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The wire: one exchange over {@link java.net.http.HttpClient}, no redirects followed, the body kept up
 * to the request's size cap, and every failure turned into a one-sentence {@link TransportFailure}.
 *
 * <p>Plain {@code http://} is spoken as HTTP/1.1 (no h2c upgrade dance, as curl does by default);
 * {@code https://} offers HTTP/2 through ALPN. Clients are cached per TLS setting and connect timeout.
 *
 * <p>java.net.http hands response headers over with lower-case names, sorted by name, so that is the
 * order and spelling api.request's {@code response.headers} shows (HTTP/2 spells them so anyway).
 */
public final class JdkTransport implements HttpTransport {
    /** Headers java.net.http sets itself and refuses from callers; they are left out, not an error. */
    public static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final JdkTransport SHARED = new JdkTransport();
    private static final int MAX_CACHED_CLIENTS = 16;

    private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();

    private record Key(boolean plain, boolean verifyPeer, boolean verifyHost, String ca, long connectMillis) {
        // Written out: a record's generated equals and hashCode link through method handles on first
        // use, which spins classes at start-up, and this key is looked up for every request.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && plain == k.plain && verifyPeer == k.verifyPeer && verifyHost == k.verifyHost
                    && connectMillis == k.connectMillis && Objects.equals(ca, k.ca);
        }

        @Override
        public int hashCode() {
            return Objects.hash(plain, verifyPeer, verifyHost, ca, connectMillis);
        }
    }

    public static JdkTransport shared() {
        return SHARED;
    }

    /**
     * Ends the selector threads of java.net.http clients, for a process about to exit. Java 17's
     * HttpClient cannot be closed, and its selector thread waits for network events in native code; a
     * JVM exit waits 300 ms for threads in native code before it gives up on them, which every run that
     * made a request paid. An interrupted selector thread closes its selector and ends. The clients are
     * unusable afterwards, so this is for the very end of the process only.
     */
    public static void releaseForExit() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public HttpReply send(OutgoingRequest r) throws TransportFailure {
        URI uri;
        try {
            uri = URI.create(r.url());
        } catch (IllegalArgumentException e) {
            throw new TransportFailure(TransportFailure.Kind.INVALID, "Invalid URL: " + r.url());
        }
        long timeoutMs = Math.max(1, r.timeout().toMillis());
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(r.timeout())
                    .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .method(r.method(), r.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
            for (HttpHeader h : r.headers()) {
                if (!RESTRICTED.contains(h.name().toLowerCase(Locale.ROOT))) {
                    b.header(h.name(), h.value());
                }
            }
            request = b.build();
        } catch (IllegalArgumentException e) {
            throw new TransportFailure(TransportFailure.Kind.INVALID, "Invalid request: " + e.getMessage());
        }

        HttpClient client = client(r, uri, timeoutMs);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> new CappedBody(r.maxBodyBytes(), info));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw TransportFailure.timeout(timeoutMs);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportFailure(TransportFailure.Kind.INTERRUPTED, "Request to " + where(uri) + " was interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), uri, timeoutMs, r.maxBodyBytes());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        List<HttpHeader> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                for (String v : values) {
                    headers.add(new HttpHeader(name, v));
                }
            }
        });
        String protocol = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
        return new HttpReply(response.statusCode(), protocol, headers, response.body(), r.url(), elapsed);
    }

    /**
     * Builds now the client that requests to {@code url} with default TLS settings and this timeout will
     * use. A client for https reads the default trust store, which costs a good part of a second of CPU;
     * a caller that knows requests are coming can have that done on another thread meanwhile.
     */
    public void prepare(String url, Duration timeout) {
        long ms = Math.max(1, timeout.toMillis());
        try {
            client(OutgoingRequest.of("POST", url, List.of(), null, timeout), URI.create(url), ms);
        } catch (IllegalArgumentException e) {
            // not a URL: the request itself will say so
        }
    }

    /**
     * The client for a request: one per TLS setting and connect timeout, made once (concurrent callers of
     * the same kind wait for the one being made). Plain-http destinations get a client without TLS (see
     * {@link Tls#plainOnly()}): it never speaks TLS, since redirects are not followed.
     */
    private HttpClient client(OutgoingRequest r, URI uri, long connectMillis) {
        boolean plain = "http".equalsIgnoreCase(uri.getScheme());
        boolean custom = !plain && (!r.verifyPeer() || !r.verifyHost() || (r.caCertificate() != null && !r.caCertificate().isBlank()));
        Key key = new Key(plain, plain || r.verifyPeer(), plain || r.verifyHost(), custom ? r.caCertificate() : null, connectMillis);
        HttpClient c = clients.get(key);
        if (c != null) {
            return c;
        }
        if (clients.size() >= MAX_CACHED_CLIENTS) {
            clients.clear();
        }
        return clients.computeIfAbsent(key, k -> {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(connectMillis));
            if (plain) {
                b.sslContext(Tls.plainOnly()).sslParameters(Tls.plainParameters());
            } else if (custom) {
                b.sslContext(Tls.context(r.verifyPeer(), r.verifyHost(), r.caCertificate()));
            }
            return b.build();
        });
    }

    /** scheme://host:port/path, without the query (which may hold tokens) or user info. */
    static String where(URI uri) {
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        sb.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        return sb.toString();
    }

    private static TransportFailure failure(Throwable cause, URI uri, long timeoutMs, long maxBody) {
        String where = where(uri);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return new TransportFailure(TransportFailure.Kind.TOO_LARGE,
                        "Response body from " + where + " exceeds the limit of " + maxBody + " bytes");
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new TransportFailure(TransportFailure.Kind.DNS, "Could not resolve host: " + uri.getHost());
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return TransportFailure.timeout(timeoutMs);
            }
            if (t instanceof SSLException) {
                return new TransportFailure(TransportFailure.Kind.TLS,
                        "TLS handshake with " + uri.getHost() + " failed: " + tlsReason(t));
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                String m = t.getMessage();
                return new TransportFailure(TransportFailure.Kind.CONNECT, "Could not connect to " + where + ": "
                        + (m == null || m.isBlank() ? "connection refused" : oneLine(m).toLowerCase(Locale.ROOT)));
            }
        }
        String m = cause == null ? null : cause.getMessage();
        if (cause instanceof IOException) {
            return new TransportFailure(TransportFailure.Kind.RESET, "Connection to " + where + " failed: "
                    + (m == null || m.isBlank() ? "closed before an answer arrived" : oneLine(m)));
        }
        return new TransportFailure(TransportFailure.Kind.OTHER, "Request to " + where + " failed: "
                + (m == null || m.isBlank() ? String.valueOf(cause) : oneLine(m)));
    }

    private static String tlsReason(Throwable t) {
        String m = oneLine(t.getMessage());
        if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
            return "the server's certificate is not trusted";
        }
        return m.replaceFirst("^[\\w.]+Exception: ", "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** Marks a body that outgrew its cap. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("response body too large", null);
        }
    }

    /** Collects the body into memory, giving up as soon as it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final boolean tooLargeUpFront;
        private Flow.Subscription subscription;

        CappedBody(long max, HttpResponse.ResponseInfo info) {
            this.max = max;
            this.tooLargeUpFront = info.headers().firstValueAsLong("content-length").orElse(-1) > max;
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (tooLargeUpFront) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if ((long) out.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
