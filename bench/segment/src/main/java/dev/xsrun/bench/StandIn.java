package dev.xsrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in of Segment's HTTP tracking API for benchmarks: accepts {@code /v1/batch},
 * {@code /v1/import} (what analytics-java posts to) and {@code /v1/track}, gzip or not, records every
 * messageId it accepted, and counts the ones it saw twice. Listens on 127.0.0.1 only.
 *
 * <p>With {@code --faults} it answers 10% of requests 500, 5% 429 with {@code Retry-After: 1}, and drops
 * 5% of connections without an answer, each after reading the whole request and before recording it
 * (so a failed request delivered nothing and its retry is not a duplicate).
 *
 * <p>{@code GET /stats} answers the counts as JSON; {@code POST /reset} forgets everything.
 *
 * <pre>java -cp segment-bench.jar dev.xsrun.bench.StandIn [--port N] [--port-file FILE] [--faults] [--seed N]</pre>
 */
public final class StandIn {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean faults;
    private final Random random;
    private final ConcurrentHashMap<String, Boolean> ids = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong missingIds = new AtomicLong();
    private final AtomicLong answered500 = new AtomicLong();
    private final AtomicLong answered429 = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong gzipped = new AtomicLong();
    private final AtomicLong retryHeaders = new AtomicLong();
    private final AtomicLong largestBatch = new AtomicLong();
    private final AtomicLong largestBody = new AtomicLong();

    StandIn(boolean faults, long seed) {
        this.faults = faults;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path portFile = null;
        boolean faults = false;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port":
                    port = Integer.parseInt(args[++i]);
                    break;
                case "--port-file":
                    portFile = Path.of(args[++i]);
                    break;
                case "--faults":
                    faults = true;
                    break;
                case "--seed":
                    seed = Long.parseLong(args[++i]);
                    break;
                default:
                    System.err.println("usage: StandIn [--port N] [--port-file FILE] [--faults] [--seed N]");
                    System.exit(2);
            }
        }
        StandIn standIn = new StandIn(faults, seed);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", standIn::handle);
        server.start();
        int bound = server.getAddress().getPort();
        System.err.println("stand-in listening on http://127.0.0.1:" + bound + (faults ? " with faults" : ""));
        if (portFile != null) {
            Files.writeString(portFile, Integer.toString(bound));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("stand-in: " + standIn.stats())));
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1); // analytics-java posts to /v1/import/
            }
            if (ex.getRequestMethod().equals("GET") && path.equals("/stats")) {
                answer(ex, 200, stats());
                return;
            }
            if (ex.getRequestMethod().equals("POST") && path.equals("/reset")) {
                reset();
                answer(ex, 200, "{\"reset\":true}");
                return;
            }
            if (!ex.getRequestMethod().equals("POST")
                    || !(path.endsWith("/v1/batch") || path.endsWith("/v1/import") || path.endsWith("/v1/track"))) {
                answer(ex, 404, "{\"success\":false,\"message\":\"not found\"}");
                return;
            }
            requests.incrementAndGet();
            byte[] body;
            boolean gzip = "gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream in = gzip ? new GZIPInputStream(ex.getRequestBody()) : ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (gzip) {
                gzipped.incrementAndGet();
            }
            if (ex.getRequestHeaders().getFirst("X-Retry-Count") != null) {
                retryHeaders.incrementAndGet();
            }
            largestBody.accumulateAndGet(body.length, Math::max);
            if (faults) {
                double r;
                synchronized (random) {
                    r = random.nextDouble();
                }
                if (r < 0.10) {
                    answered500.incrementAndGet();
                    answer(ex, 500, "{\"success\":false,\"message\":\"injected fault\"}");
                    return;
                }
                if (r < 0.15) {
                    answered429.incrementAndGet();
                    ex.getResponseHeaders().add("Retry-After", "1");
                    answer(ex, 429, "{\"success\":false,\"message\":\"slow down\"}");
                    return;
                }
                if (r < 0.20) {
                    dropped.incrementAndGet();
                    // Closing an exchange before any answer closes its connection: the client sees it dropped.
                    ex.close();
                    return;
                }
            }
            JsonNode root = JSON.readTree(body);
            JsonNode batch = root.has("batch") ? root.get("batch") : null;
            if (batch != null && batch.isArray()) {
                largestBatch.accumulateAndGet(batch.size(), Math::max);
                for (JsonNode m : batch) {
                    record(m);
                }
            } else {
                record(root);
            }
            accepted.incrementAndGet();
            answer(ex, 200, "{\"success\":true}");
        } catch (RuntimeException e) {
            answer(ex, 400, "{\"success\":false,\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private void record(JsonNode message) {
        messages.incrementAndGet();
        JsonNode id = message.get("messageId");
        if (id == null || !id.isTextual()) {
            missingIds.incrementAndGet();
            return;
        }
        if (ids.putIfAbsent(id.textValue(), Boolean.TRUE) != null) {
            duplicates.incrementAndGet();
        }
    }

    private void reset() {
        ids.clear();
        for (AtomicLong a : new AtomicLong[] {requests, accepted, messages, duplicates, missingIds, answered500, answered429,
                dropped, gzipped, retryHeaders, largestBatch, largestBody}) {
            a.set(0);
        }
    }

    String stats() {
        return "{\"requests\":" + requests + ",\"accepted\":" + accepted + ",\"messages\":" + messages
                + ",\"distinct\":" + ids.size() + ",\"duplicates\":" + duplicates + ",\"missing_ids\":" + missingIds
                + ",\"answered_500\":" + answered500 + ",\"answered_429\":" + answered429 + ",\"dropped\":" + dropped
                + ",\"gzipped\":" + gzipped + ",\"with_retry_count\":" + retryHeaders
                + ",\"largest_batch\":" + largestBatch + ",\"largest_body\":" + largestBody + "}";
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
