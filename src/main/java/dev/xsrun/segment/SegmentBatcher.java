package dev.xsrun.segment;

import dev.xsrun.http.Delivery;
import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.http.HttpHeader;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.value.Secrets;
import dev.xsrun.http.HttpReply;
import dev.xsrun.http.HttpTransport;
import dev.xsrun.http.OutgoingRequest;
import dev.xsrun.http.TransportFailure;
import dev.xsrun.value.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Coalesces the track messages of a batch run into {@code /v1/batch} requests and completes each
 * message when the request that carried it is acknowledged, so a job run that waits for its message
 * still gets Segment's real answer.
 *
 * <p>A batch is sent as soon as one of these holds: the next message would take it over
 * {@code maxMessages} or {@code maxBytes} (Segment: 2,500 messages, 500 KB; a bigger batch is answered
 * 200 and dropped, so it must never be sent); it reached {@code targetMessages}; every producer that
 * could still add to it is waiting for an answer (see {@link #nudge()}), since lingering then only
 * delays; or {@code linger} passed since its first message.
 *
 * <p>Each batch is retried as a whole with Segment's rule ({@link RetryPolicy#retryable}), honouring
 * {@code Retry-After}, with exponential backoff and jitter otherwise, an {@code X-Retry-Count} header,
 * and the very same messages (so the same messageIds) every time, up to the policy's attempts and
 * deadline. Retries are scheduled, not slept, so a batch waiting out a 429 holds no thread. A batch
 * answered 400 or 413 (Segment cannot say which message it disliked) is split in halves, each sent on
 * its own, until the bad messages stand alone and fail alone while the rest are delivered. 401 and
 * 403 fail the whole batch: the write key is wrong for all of them. Bodies are gzipped (not in a dry
 * run, so the printed body stays readable) and sent through the run's dispatcher, so routes, dry run
 * and verbose logging apply; java.net.http keeps the connections alive between requests.
 *
 * <p>Thread-safe. One batcher serves one write key and endpoint.
 */
public final class SegmentBatcher implements AutoCloseable {
    /** Segment's limit on one batch request, measured on the JSON before compression. */
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    /** Segment's limit on the messages of one batch request. */
    public static final int MAX_BATCH_MESSAGES = 2500;

    private static final byte[] PREFIX = "{\"batch\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SENT_AT = "],\"sentAt\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.UTF_8);
    /** Bytes of a batch besides its messages and the commas between them. */
    static final int ENVELOPE_BYTES = PREFIX.length + SENT_AT.length + "2026-01-01T00:00:00.000Z".length() + SUFFIX.length;

    /**
     * How batches are formed and sent.
     *
     * @param maxMessages    never more messages in one request
     * @param maxBytes       never more bytes (uncompressed JSON) in one request
     * @param targetMessages send a batch once it holds this many
     * @param linger         send a batch at the latest this long after its first message arrived
     * @param senders        requests in flight at once
     * @param retry          attempts, backoff and deadline of each batch
     */
    public record Settings(int maxMessages, int maxBytes, int targetMessages, Duration linger, int senders, RetryPolicy retry) {
        public Settings {
            if (maxMessages < 1 || maxBytes < 1 || targetMessages < 1 || senders < 1) {
                throw new IllegalArgumentException("batch settings must be positive");
            }
            Objects.requireNonNull(linger, "linger");
            Objects.requireNonNull(retry, "retry");
        }

        /** Segment's limits, the given target, 20 ms linger, 4 requests in flight, {@link RetryPolicy#BATCH}. */
        public static Settings defaults(int targetMessages) {
            return new Settings(MAX_BATCH_MESSAGES, MAX_BATCH_BYTES, Math.max(1, Math.min(MAX_BATCH_MESSAGES, targetMessages)),
                    Duration.ofMillis(20), 4, RetryPolicy.BATCH);
        }

        public Settings withLimits(int messages, int bytes) {
            return new Settings(messages, bytes, targetMessages, linger, senders, retry);
        }

        public Settings withTarget(int target) {
            return new Settings(maxMessages, maxBytes, target, linger, senders, retry);
        }

        public Settings withLinger(Duration l) {
            return new Settings(maxMessages, maxBytes, targetMessages, l, senders, retry);
        }

        public Settings withRetry(RetryPolicy r) {
            return new Settings(maxMessages, maxBytes, targetMessages, linger, senders, r);
        }
    }

    /** One message waiting for its answer. Its counters are touched only by the sender of its current batch. */
    private static final class Entry {
        final String messageId;
        final byte[] json;
        final String label;
        final CompletableFuture<Delivery> future = new CompletableFuture<>();
        int attempts;
        int status;

        Entry(String messageId, byte[] json, String label) {
            this.messageId = messageId;
            this.json = json;
            this.label = label;
        }
    }

    /** Messages sent together, and retried together, until answered or split. */
    private static final class Batch {
        final List<Entry> entries;
        int attempts;
        Instant deadline;
        String last;

        Batch(List<Entry> entries, Instant deadline) {
            this.entries = entries;
            this.deadline = deadline;
        }
    }

    private final String url;
    private final HttpOptions http;
    private final Secrets secrets;
    private final HttpTransport transport;
    private final Settings settings;
    private final Clock clock;
    private final DoubleSupplier random;
    private final IntSupplier activeProducers;
    private final String authorization;
    private final ScheduledThreadPoolExecutor executor;

    private final Object lock = new Object();
    private List<Entry> pending = new ArrayList<>();
    private long pendingBytes;
    private long generation;
    private boolean closed;

    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();

    /**
     * @param writeKey        the source's write key (registered with {@code secrets} here)
     * @param secrets         the run's secrets: every message and logged line is masked with them
     * @param baseUrl         Segment's base URL as {@link SegmentClient#batchUrl(String)} reads it
     * @param activeProducers how many producers could still submit a message (job runs started and not
     *                        finished), or null when unknown; see {@link #nudge()}
     */
    public SegmentBatcher(String writeKey, String baseUrl, HttpOptions http, Secrets secrets, Settings settings, Clock clock,
            DoubleSupplier random, IntSupplier activeProducers) {
        if (writeKey == null || writeKey.isBlank()) {
            throw dev.xsrun.value.XsError.input("Missing Segment write key", null);
        }
        this.url = SegmentClient.batchUrl(baseUrl);
        this.http = Objects.requireNonNull(http);
        this.secrets = Objects.requireNonNull(secrets);
        this.transport = http.dispatcher(secrets);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.activeProducers = activeProducers;
        secrets.add(writeKey);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        secrets.add(authorization);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(settings.senders(), r -> {
            Thread t = new Thread(r, "xsrun-segment-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    public String url() {
        return url;
    }

    /** Requests sent so far, retries included. */
    public long requests() {
        return requests.get();
    }

    /** Requests that were retries of an earlier one. */
    public long resent() {
        return resent.get();
    }

    /**
     * Why a message of this size cannot be sent (Segment's 32 KB per message), or null when it can.
     *
     * @param label names the message's origin in the sentence, e.g. "input line 7"
     */
    public static String oversize(int bytes, String event, String label) {
        if (bytes <= SegmentClient.MAX_MESSAGE_BYTES) {
            return null;
        }
        return "Segment track event \"" + event + "\" from " + label + " is " + bytes + " bytes; Segment accepts at most "
                + SegmentClient.MAX_MESSAGE_BYTES + " bytes per message (not sent)";
    }

    /**
     * Queues a message and returns what becomes of it; the future always completes normally.
     *
     * @param json  the message as it will appear in the batch, at most 32 KB
     * @param label names the message's origin in error messages, e.g. "input line 7"
     */
    public CompletableFuture<Delivery> submit(String messageId, byte[] json, String label) {
        if (json.length > SegmentClient.MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message over 32 KB; check with oversize() first");
        }
        Entry e = new Entry(messageId, json, label);
        List<Entry> before = null;
        List<Entry> full = null;
        boolean arm = false;
        long gen = 0;
        synchronized (lock) {
            if (closed) {
                e.future.complete(failed(e, "not sent: the batch run stopped first"));
                return e.future;
            }
            if (!pending.isEmpty() && (pending.size() >= settings.maxMessages()
                    || ENVELOPE_BYTES + pendingBytes + 1 + json.length > settings.maxBytes())) {
                before = take();
            }
            pendingBytes += (pending.isEmpty() ? 0 : 1) + json.length;
            pending.add(e);
            if (pending.size() == 1) {
                arm = true;
                gen = generation;
            }
            if (pending.size() >= settings.targetMessages()) {
                full = take();
            }
        }
        dispatch(before);
        dispatch(full);
        if (arm && full == null) {
            long g = gen;
            try {
                executor.schedule(() -> flushGeneration(g), Math.max(1, settings.linger().toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException ignored) {
                // closing: close() fails what is pending
            }
        }
        return e.future;
    }

    /** Queues a message and waits for what becomes of it; counts as a waiting producer meanwhile. */
    public Delivery deliver(String messageId, byte[] json, String label) {
        CompletableFuture<Delivery> f = submit(messageId, json, label);
        waiting.incrementAndGet();
        try {
            nudge();
            return f.get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return new Delivery(messageId, json.length, 0, 0, Values.NULL, "stopped before Segment answered");
        } catch (ExecutionException ee) {
            return new Delivery(messageId, json.length, 0, 0, Values.NULL, "internal error: " + ee.getCause());
        } finally {
            waiting.decrementAndGet();
        }
    }

    /**
     * Sends the pending batch now when every active producer is waiting for an answer: nobody is left
     * to add to it, so waiting for the target or the linger would only stall the run. Callers call this
     * when a producer finishes; {@link #deliver} calls it when a producer starts waiting.
     */
    public void nudge() {
        if (activeProducers != null && waiting.get() >= activeProducers.getAsInt()) {
            flush();
        }
    }

    /** Sends whatever is pending now. */
    public void flush() {
        List<Entry> b;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return;
            }
            b = take();
        }
        dispatch(b);
    }

    /**
     * Stops: whatever is still pending or waiting for a retry is reported as not delivered. A batch run
     * calls this after every run finished, when nothing is outstanding any more, or when it is stopped.
     */
    @Override
    public void close() {
        List<Entry> left;
        synchronized (lock) {
            closed = true;
            left = take();
        }
        for (Entry e : left) {
            e.future.complete(failed(e, "not sent: the batch run stopped first"));
        }
        executor.shutdownNow();
    }

    private List<Entry> take() {
        List<Entry> b = pending;
        pending = new ArrayList<>();
        pendingBytes = 0;
        generation++;
        return b;
    }

    private void flushGeneration(long gen) {
        List<Entry> b;
        synchronized (lock) {
            if (generation != gen || pending.isEmpty()) {
                return;
            }
            b = take();
        }
        dispatch(b);
    }

    private void dispatch(List<Entry> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        Batch b = new Batch(entries, null);
        try {
            executor.execute(() -> send(b));
        } catch (RejectedExecutionException e) {
            fail(b, "not sent: the batch run stopped first");
        }
    }

    private void send(Batch b) {
        try {
            attempt(b);
        } catch (RuntimeException | Error e) {
            // Never leave a job run waiting forever on a message.
            fail(b, "internal error while sending to Segment: " + e);
            if (e instanceof Error) {
                throw (Error) e;
            }
        }
    }

    private void attempt(Batch b) {
        Instant now = clock.instant();
        if (b.deadline == null) {
            b.deadline = now.plus(settings.retry().deadline());
        }
        Duration remaining = Duration.between(now, b.deadline);
        Duration timeout = remaining.compareTo(http.defaultTimeout()) < 0 ? remaining : http.defaultTimeout();
        if (timeout.toMillis() <= 0) {
            fail(b, gaveUp(b, "the " + settings.retry().deadline().toSeconds() + " s deadline passed"));
            return;
        }
        b.attempts++;
        for (Entry e : b.entries) {
            e.attempts++;
        }
        List<HttpHeader> headers = new ArrayList<>(5);
        headers.add(new HttpHeader("Authorization", authorization));
        headers.add(new HttpHeader("Content-Type", "application/json"));
        if (!http.dryRun()) {
            headers.add(new HttpHeader("Content-Encoding", "gzip"));
        }
        headers.add(new HttpHeader("User-Agent", "xsrun/" + SegmentClient.VERSION));
        if (b.attempts > 1) {
            headers.add(new HttpHeader("X-Retry-Count", Integer.toString(b.attempts - 1)));
            resent.incrementAndGet();
        }
        requests.incrementAndGet();
        OutgoingRequest request = new OutgoingRequest("POST", url, headers, body(b, now), timeout, false, true, true, null,
                http.maxBodyBytes());

        Duration wait;
        try {
            HttpReply reply = transport.send(request);
            int status = reply.status();
            for (Entry e : b.entries) {
                e.status = status;
            }
            JsonNode answer = SegmentClient.decode(reply);
            if (status >= 200 && status < 300) {
                for (Entry e : b.entries) {
                    e.future.complete(new Delivery(e.messageId, e.json.length, e.attempts, status, answer, null));
                }
                return;
            }
            if (status == 401 || status == 403) {
                fail(b, "Segment refused the write key (" + SegmentClient.statusText(status) + ")" + SegmentClient.detail(answer)
                        + "; check segment_write_key, and that segment_endpoint matches the workspace's region");
                return;
            }
            if ((status == 400 || status == 413) && b.entries.size() > 1) {
                split(b, status);
                return;
            }
            b.last = SegmentClient.statusText(status) + SegmentClient.detail(answer);
            if (!RetryPolicy.retryable(status)) {
                fail(b, "Segment rejected " + what(b) + ": " + b.last);
                return;
            }
            Duration after = settings.retry().retryAfter(reply.header("retry-after"), clock.instant());
            wait = after != null ? after : settings.retry().backoff(b.attempts, random.getAsDouble());
        } catch (TransportFailure f) {
            b.last = f.getMessage();
            for (Entry e : b.entries) {
                e.status = 0;
            }
            if (!f.retryable()) {
                fail(b, "Segment batch request failed: " + b.last);
                return;
            }
            wait = settings.retry().backoff(b.attempts, random.getAsDouble());
        }

        if (b.attempts >= settings.retry().maxAttempts()) {
            fail(b, gaveUp(b, null));
            return;
        }
        if (clock.instant().plus(wait).isAfter(b.deadline)) {
            fail(b, gaveUp(b, "waiting " + wait.toMillis() + " ms more would pass the "
                    + settings.retry().deadline().toSeconds() + " s deadline"));
            return;
        }
        if (http.verbose()) {
            http.logLine("segment: batch of " + b.entries.size() + " messages, attempt " + b.attempts + " failed (" + b.last
                    + "); retrying in " + wait.toMillis() + " ms", secrets);
        }
        try {
            executor.schedule(() -> send(b), Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            fail(b, "not retried: the batch run stopped first; last answer: " + b.last);
        }
    }

    /** Segment refused the batch as a whole; halves find the messages it refuses while the rest get through. */
    private void split(Batch b, int status) {
        if (http.verbose()) {
            http.logLine("segment: batch of " + b.entries.size() + " messages answered " + status + "; splitting it in two", secrets);
        }
        int half = b.entries.size() / 2;
        for (List<Entry> part : List.of(b.entries.subList(0, half), b.entries.subList(half, b.entries.size()))) {
            Batch p = new Batch(new ArrayList<>(part), b.deadline);
            try {
                executor.execute(() -> send(p));
            } catch (RejectedExecutionException e) {
                fail(p, "not sent: the batch run stopped first");
            }
        }
    }

    private byte[] body(Batch b, Instant sentAt) {
        byte[] at = TrackMessage.isoMillis(sentAt).getBytes(StandardCharsets.US_ASCII);
        int size = PREFIX.length + Math.max(0, b.entries.size() - 1) + SENT_AT.length + at.length + SUFFIX.length;
        for (Entry e : b.entries) {
            size += e.json.length;
        }
        // Laid out in one array, then compressed in one call: a write per message into the gzip
        // stream cost more than the compression itself.
        byte[] plain = new byte[size];
        int pos = put(plain, 0, PREFIX);
        for (int i = 0; i < b.entries.size(); i++) {
            if (i > 0) {
                plain[pos++] = ',';
            }
            pos = put(plain, pos, b.entries.get(i).json);
        }
        pos = put(plain, pos, SENT_AT);
        pos = put(plain, pos, at);
        put(plain, pos, SUFFIX);
        if (http.dryRun()) {
            return plain;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(size / 4 + 64);
        try (OutputStream out = new FastGzip(buffer)) {
            out.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return buffer.toByteArray();
    }

    private static int put(byte[] to, int at, byte[] from) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    /** gzip at the fastest level: JSON still shrinks about fivefold, at a fraction of the default's CPU. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private void fail(Batch b, String why) {
        String masked = secrets.mask(why);
        for (Entry e : b.entries) {
            e.future.complete(failed(e, masked));
        }
    }

    private static Delivery failed(Entry e, String why) {
        return new Delivery(e.messageId, e.json.length, e.attempts, e.status, Values.NULL, why);
    }

    private static String what(Batch b) {
        return b.entries.size() == 1 ? "the message from " + b.entries.get(0).label : "a batch of " + b.entries.size() + " messages";
    }

    private String gaveUp(Batch b, String why) {
        return "Segment batch request failed after " + b.attempts + (b.attempts == 1 ? " attempt" : " attempts")
                + (why == null ? "" : " (" + why + ")") + "; last answer: " + (b.last == null ? "none" : b.last);
    }
}
