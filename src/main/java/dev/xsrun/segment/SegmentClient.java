package dev.xsrun.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.http.HttpHeader;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.value.Secrets;
import dev.xsrun.http.HttpReply;
import dev.xsrun.http.HttpTransport;
import dev.xsrun.http.OutgoingRequest;
import dev.xsrun.http.TransportFailure;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Sends track events to Segment's HTTP Tracking API, one message per request, and does not return
 * until Segment has accepted it or refused it for good.
 *
 * <p>What it gets right (see docs spec/segment.md): HTTP Basic auth with the write key and an empty
 * password; the 32 KB message limit checked before anything is sent; retries only on connection
 * failures, 408, 410, 429, 460 and 5xx other than 501/505/511, honouring {@code Retry-After} and
 * otherwise backing off exponentially with jitter, with {@code X-Retry-Count} on each retry and the same
 * {@code messageId} every time, so Segment's de-duplication makes a retry safe; one overall deadline.
 *
 * <p>Requests go through the run's {@link HttpOptions#dispatcher()}, so {@code --route}, {@code --dry-run}
 * and {@code --verbose} apply. Redirects are not followed (a POST must not silently turn into a GET).
 * Immutable; the {@code with...} methods return adjusted copies, which is how tests inject the clock,
 * the message ids, the sleeper and the randomness.
 */
public final class SegmentClient {
    public static final String US_BASE = "https://api.segment.io";
    public static final String EU_BASE = "https://events.eu1.segmentapis.com";
    /** Segment's per-message limit, 32 KB, measured on the JSON as sent. */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    /** This program's version, as sent in User-Agent and context.library.version. */
    public static final String VERSION = readVersion();

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final String writeKey;
    private final String trackUrl;
    private final HttpOptions http;
    private final Secrets secrets;
    private final HttpTransport transport;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Supplier<String> messageIds;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param writeKey the source's write key (registered with {@code secrets} here)
     * @param baseUrl  {@code https://api.segment.io} when null or blank; see {@link #trackUrl(String)}
     * @param secrets  the run's secrets: every message and logged line is masked with them
     */
    public SegmentClient(String writeKey, String baseUrl, HttpOptions http, Secrets secrets) {
        this(writeKey, trackUrl(baseUrl), http, secrets, RetryPolicy.DEFAULT, Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), d -> Thread.sleep(d.toMillis()), Math::random);
    }

    private SegmentClient(String writeKey, String trackUrl, HttpOptions http, Secrets secrets, RetryPolicy retry, Clock clock,
            Supplier<String> messageIds, Sleeper sleeper, DoubleSupplier random) {
        if (writeKey == null || writeKey.isBlank()) {
            throw XsError.input("Missing Segment write key", null);
        }
        this.writeKey = writeKey;
        this.trackUrl = trackUrl;
        this.http = Objects.requireNonNull(http);
        this.secrets = Objects.requireNonNull(secrets);
        this.retry = Objects.requireNonNull(retry);
        this.clock = Objects.requireNonNull(clock);
        this.messageIds = Objects.requireNonNull(messageIds);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.random = Objects.requireNonNull(random);
        secrets.add(writeKey);
        this.transport = http.dispatcher(secrets);
    }

    public SegmentClient withRetry(RetryPolicy r) {
        return new SegmentClient(writeKey, trackUrl, http, secrets, r, clock, messageIds, sleeper, random);
    }

    /** The clock gives "now" for timestamps, sentAt and the retry deadline. */
    public SegmentClient withClock(Clock c) {
        return new SegmentClient(writeKey, trackUrl, http, secrets, retry, c, messageIds, sleeper, random);
    }

    /** Where messageIds come from; random UUIDs unless replaced (for instance by deterministic ids). */
    public SegmentClient withMessageIds(Supplier<String> ids) {
        return new SegmentClient(writeKey, trackUrl, http, secrets, retry, clock, ids, sleeper, random);
    }

    public SegmentClient withSleeper(Sleeper s) {
        return new SegmentClient(writeKey, trackUrl, http, secrets, retry, clock, messageIds, s, random);
    }

    /** Uniform randoms in [0, 1) for backoff jitter. */
    public SegmentClient withRandom(DoubleSupplier r) {
        return new SegmentClient(writeKey, trackUrl, http, secrets, retry, clock, messageIds, sleeper, r);
    }

    public Clock clock() {
        return clock;
    }

    public String trackUrl() {
        return trackUrl;
    }

    /**
     * The track endpoint for a base URL. Accepted forms: {@code https://host}, {@code https://host/},
     * {@code https://host/v1} and {@code https://host/v1/track}; a bare host gets {@code https://}.
     * Null or blank means the US endpoint.
     */
    public static String trackUrl(String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.trim();
        if (base.isEmpty()) {
            base = US_BASE;
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (!lower.contains("://")) {
            base = "https://" + base;
        } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw XsError.input("The Segment endpoint must be an http or https URL: " + base, null);
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1/track")) {
            base = base.substring(0, base.length() - "/v1/track".length());
        } else if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - "/v1".length());
        }
        return base + "/v1/track";
    }

    /** The batch endpoint for a base URL, read as {@link #trackUrl(String)} reads it. */
    public static String batchUrl(String baseUrl) {
        String track = trackUrl(baseUrl);
        return track.substring(0, track.length() - "/v1/track".length()) + "/v1/batch";
    }

    /**
     * Sends one track event, retrying as Segment's rules allow.
     *
     * @throws XsError input error (65) for an oversize message, nothing sent; service error (69) when
     *                 Segment refuses the event or keeps failing
     */
    public TrackResult track(TrackMessage message) {
        String messageId = messageIds.get();
        if (messageId == null || messageId.isEmpty() || messageId.length() >= 100) {
            throw XsError.fatal("Segment messageId must be 1 to 99 characters long");
        }
        Instant started = clock.instant();
        Instant deadline = started.plus(retry.deadline());
        ObjectNode body = message.toJson(messageId, started, VERSION);
        byte[] bytes = Json.encode(body).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_MESSAGE_BYTES) {
            throw XsError.input("Segment track event \"" + message.event() + "\" is " + bytes.length
                    + " bytes; Segment accepts at most " + MAX_MESSAGE_BYTES + " bytes per message", null);
        }

        String last = null;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                body.put("sentAt", TrackMessage.ISO_MILLIS.format(clock.instant()));
                bytes = Json.encode(body).getBytes(StandardCharsets.UTF_8);
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            Duration timeout = remaining.compareTo(http.defaultTimeout()) < 0 ? remaining : http.defaultTimeout();
            if (timeout.toMillis() <= 0) {
                throw service(gaveUp(attempt - 1, last, "the " + retry.deadline().toSeconds() + " s deadline passed"));
            }
            OutgoingRequest request = new OutgoingRequest("POST", trackUrl, headers(attempt - 1), bytes, timeout,
                    false, true, true, null, http.maxBodyBytes());

            Duration wait;
            try {
                HttpReply reply = transport.send(request);
                int status = reply.status();
                JsonNode answer = decode(reply);
                if (status >= 200 && status < 300) {
                    return new TrackResult(status, answer, attempt, messageId, body);
                }
                if (status == 401) {
                    throw service("Segment refused the write key (401 Unauthorized)" + detail(answer)
                            + "; check segment_write_key, and that segment_endpoint matches the workspace's region");
                }
                last = statusText(status) + detail(answer);
                if (!RetryPolicy.retryable(status)) {
                    throw service("Segment rejected the track event \"" + message.event() + "\": " + last);
                }
                Duration after = retryAfter(reply.header("retry-after"));
                wait = after != null ? after : retry.backoff(attempt, random.getAsDouble());
            } catch (TransportFailure f) {
                last = secrets.mask(f.getMessage());
                if (!f.retryable()) {
                    throw service("Segment track failed: " + last);
                }
                wait = retry.backoff(attempt, random.getAsDouble());
            }

            if (attempt >= retry.maxAttempts()) {
                throw service(gaveUp(attempt, last, null));
            }
            if (clock.instant().plus(wait).isAfter(deadline)) {
                throw service(gaveUp(attempt, last, "waiting " + wait.toMillis() + " ms more would pass the "
                        + retry.deadline().toSeconds() + " s deadline"));
            }
            if (http.verbose()) {
                http.logLine("segment: attempt " + attempt + " failed (" + last + "); retrying in " + wait.toMillis() + " ms", secrets);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw service("Segment track interrupted after " + attempt + " attempts; last answer: " + last);
            }
        }
    }

    private List<HttpHeader> headers(int retryCount) {
        String basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        List<HttpHeader> h = new java.util.ArrayList<>(List.of(
                new HttpHeader("Authorization", "Basic " + basic),
                new HttpHeader("Content-Type", "application/json"),
                new HttpHeader("User-Agent", "xsrun/" + VERSION)));
        if (retryCount > 0) {
            h.add(new HttpHeader("X-Retry-Count", Integer.toString(retryCount)));
        }
        return h;
    }

    /** A service error (exit 69) whose message has been through the run's secrets. */
    private XsError service(String message) {
        return XsError.service(secrets.mask(message));
    }

    private static String gaveUp(int attempts, String last, String why) {
        return ("Segment track failed after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + (why == null ? "" : " (" + why + ")") + "; last answer: " + (last == null ? "none" : last));
    }

    /** {@code Retry-After} as seconds or an HTTP date, capped by the policy; null when absent or unreadable. */
    Duration retryAfter(String header) {
        return retry.retryAfter(header, clock.instant());
    }

    static JsonNode decode(HttpReply reply) {
        if (reply.body().length == 0) {
            return Values.NULL;
        }
        String text = reply.bodyText();
        JsonNode parsed = Json.tryParse(text);
        return parsed != null ? parsed : Values.of(text);
    }

    /** ": <Segment's message>" when the answer carries one. */
    static String detail(JsonNode answer) {
        String m = null;
        if (answer.isObject()) {
            for (String k : new String[] {"message", "error", "code"}) {
                JsonNode v = answer.get(k);
                if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                    m = v.textValue();
                    break;
                }
            }
        } else if (answer.isTextual()) {
            m = answer.textValue();
        }
        if (m == null || m.isBlank()) {
            return "";
        }
        m = m.replaceAll("\\s+", " ").trim();
        return ": " + (m.length() > 300 ? m.substring(0, 300) + "..." : m);
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
            Map.entry(413, "Payload Too Large"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    static String statusText(int status) {
        String reason = REASONS.get(status);
        return reason == null ? Integer.toString(status) : status + " " + reason;
    }

    private static String readVersion() {
        try (InputStream in = SegmentClient.class.getResourceAsStream("/dev/xsrun/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the placeholder
        }
        return "dev";
    }
}
