package dev.xsrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.TrackMessage;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The incumbent for the benchmark: sends every line of an events file (the same JSON lines xsrun's
 * batch mode reads: user_id, event, properties, context) as a track call with Segment's own
 * analytics-java 3.5.4 at its default settings, flushes, and waits until the library has reported
 * each message delivered or failed (its documented blocking-flush pattern: a callback), then exits.
 *
 * <pre>java -cp segment-bench.jar dev.xsrun.bench.AnalyticsJavaSend EVENTS.jsonl http://127.0.0.1:PORT</pre>
 */
public final class AnalyticsJavaSend {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: AnalyticsJavaSend EVENTS.jsonl ENDPOINT");
            System.exit(2);
        }
        long started = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        long lines;
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            lines = r.lines().filter(l -> !l.isBlank()).count();
        }
        CountDownLatch finished = new CountDownLatch((int) lines);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Analytics analytics = Analytics.builder("bench-write-key")
                .endpoint(args[1])
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        ok.incrementAndGet();
                        finished.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failed.incrementAndGet();
                        finished.countDown();
                    }
                })
                .build();
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = json.readTree(line);
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = json.convertValue(e.path("properties"), Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> context = json.convertValue(e.path("context"), Map.class);
                TrackMessage.Builder b = TrackMessage.builder(e.path("event").asText()).userId(e.path("user_id").asText());
                if (properties != null) {
                    b.properties(properties);
                }
                if (context != null) {
                    b.context(context);
                }
                analytics.enqueue(b);
            }
        }
        analytics.flush();
        boolean all = finished.await(10, TimeUnit.MINUTES);
        analytics.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("analytics-java: %d events, %d ok, %d failed%s, %.2f s in main%n", lines, ok.get(), failed.get(),
                all ? "" : ", gave up waiting", seconds);
        System.exit(all && failed.get() == 0 ? 0 : 1);
    }
}
