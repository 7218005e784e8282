package dev.xsrun.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.Secrets;
import dev.xsrun.value.XsError;
import dev.xsrun.http.Delivery;
import dev.xsrun.segment.RetryPolicy;
import dev.xsrun.segment.SegmentBatcher;
import dev.xsrun.segment.SegmentClient;
import dev.xsrun.segment.TrackMessage;
import dev.xsrun.segment.TrackResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The native function {@code segment_track_event}: sends one track event to Segment and returns what
 * was sent together with Segment's answer. To a job it looks like a function with the input block
 * {@link #INPUT_DECLARATION}.
 *
 * <p>Environment: {@code segment_write_key} (required; a missing or empty value is an input error and
 * nothing is sent) and {@code segment_endpoint} (optional base URL, US endpoint when absent; the EU
 * workspaces need {@code https://events.eu1.segmentapis.com}).
 */
public final class SegmentTrackEvent {
    public static final String NAME = "segment_track_event";
    public static final String WRITE_KEY_ENV = "segment_write_key";
    public static final String ENDPOINT_ENV = "segment_endpoint";

    /** The input block a caller binds against, in XanoScript. */
    public static final String INPUT_DECLARATION = "input {\n"
            + "  text user_id filters=trim\n"
            + "  text event filters=trim\n"
            + "  json? properties?\n"
            + "  json? context?\n"
            + "  json? timestamp?\n"
            + "}";

    private final Clock clock;
    private final Supplier<String> messageIds;
    private final RetryPolicy retry;
    private final SegmentClient.Sleeper sleeper;

    /** The real thing: system clock, random UUID message ids, default retries, real sleeping. */
    public SegmentTrackEvent() {
        this(Clock.systemUTC(), () -> UUID.randomUUID().toString(), RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()));
    }

    public SegmentTrackEvent(Clock clock, Supplier<String> messageIds, RetryPolicy retry, SegmentClient.Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock);
        this.messageIds = Objects.requireNonNull(messageIds);
        this.retry = Objects.requireNonNull(retry);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /**
     * Runs the function.
     *
     * @param input already bound against {@link #INPUT_DECLARATION}
     * @param env     the run's environment lookup (null for a missing name)
     * @param secrets the run's secrets: the write key joins them
     * @return {@code {success, user_id, event, timestamp, properties, segment_response}}
     */
    public JsonNode call(ObjectNode input, Function<String, String> env, HttpOptions opts, Secrets secrets) {
        String writeKey = env.apply(WRITE_KEY_ENV);
        if (writeKey == null || writeKey.isBlank()) {
            throw XsError.input("Missing environment variable: " + WRITE_KEY_ENV, null);
        }
        secrets.add(writeKey);

        TrackMessage message = TrackMessage.of(input.get("user_id"), input.get("event"), input.get("properties"),
                input.get("context"), input.get("timestamp"), clock);
        SegmentClient client = new SegmentClient(writeKey, env.apply(ENDPOINT_ENV), opts, secrets)
                .withClock(clock).withMessageIds(messageIds).withRetry(retry).withSleeper(sleeper);
        TrackResult sent = client.track(message);
        return result(message, message.isoTimestamp(), sent.response());
    }

    /**
     * Runs the function inside a batch run: the message, with the line's deterministic messageId, goes to
     * the run's shared batcher, and the call returns when the batch carrying it is answered, with
     * Segment's answer to that batch as {@code segment_response}.
     */
    public JsonNode callBatched(ObjectNode input, Function<String, String> env, BatchLine line) {
        String writeKey = env.apply(WRITE_KEY_ENV);
        if (writeKey == null || writeKey.isBlank()) {
            throw XsError.input("Missing environment variable: " + WRITE_KEY_ENV, null);
        }
        // When nothing runs after this call, the line's input is this message's alone: no copies.
        TrackMessage message = line.answerLater()
                ? TrackMessage.ofOwned(input.get("user_id"), input.get("event"), input.get("properties"),
                        input.get("context"), input.get("timestamp"), clock)
                : TrackMessage.of(input.get("user_id"), input.get("event"), input.get("properties"),
                        input.get("context"), input.get("timestamp"), clock);
        // The batcher registers the write key with the run's secrets when it is made.
        SegmentBatcher batcher = line.batcher(writeKey, env.apply(ENDPOINT_ENV));
        String messageId = line.nextMessageId();
        String properties = Json.encode(message.properties());
        String iso = message.isoTimestamp();
        byte[] json = message.batchJsonText(messageId, SegmentClient.VERSION, properties, iso).getBytes(StandardCharsets.UTF_8);
        String oversize = SegmentBatcher.oversize(json.length, message.event(), line.label());
        if (oversize != null) {
            line.record(new Delivery(messageId, json.length, 0, 0, Values.NULL, oversize));
            throw XsError.input(oversize, null);
        }
        if (line.answerLater()) {
            // Nothing in the job runs after this call: the batch run completes the line with the
            // result made from Segment's answer, and this thread goes on with the next line. The
            // result is encoded now but for the answer, so that a line waiting for Segment holds two
            // texts rather than its input's tree.
            String head = resultHead(message.userId(), message.event(), iso, properties);
            line.defer(batcher.submit(messageId, json, line.label()), response -> {
                StringBuilder sb = new StringBuilder(head.length() + 32).append(head);
                Json.encode(sb, response);
                return sb.append('}').toString();
            });
            return Values.NULL;
        }
        Delivery d = batcher.deliver(messageId, json, line.label());
        line.record(d);
        if (!d.delivered()) {
            throw XsError.service(d.error());
        }
        return result(message, iso, d.response());
    }

    /**
     * The encoded result up to its last value: what {@code Json.encode(result(message, response))} gives
     * before the encoded response and the closing brace.
     */
    static String resultHead(String userId, String event, String iso, String propertiesJson) {
        // room for the fixed keys and the timestamp: no regrowth in the common case
        StringBuilder sb = new StringBuilder(propertiesJson.length() + userId.length() + event.length() + 160)
                .append("{\"success\":true,\"user_id\":");
        Json.quote(sb, userId);
        sb.append(",\"event\":");
        Json.quote(sb, event);
        sb.append(",\"timestamp\":");
        Json.quote(sb, iso);
        return sb.append(",\"properties\":").append(propertiesJson).append(",\"segment_response\":").toString();
    }

    /** {@code {success, user_id, event, timestamp, properties, segment_response}}; {@code iso} is the message's timestamp as text. */
    static JsonNode result(TrackMessage message, String iso, JsonNode response) {
        ObjectNode out = Values.object();
        out.put("success", true);
        out.put("user_id", message.userId());
        out.put("event", message.event());
        out.put("timestamp", iso);
        out.set("properties", message.properties()); // the message is discarded: no need for a copy
        out.set("segment_response", response.deepCopy());
        return out;
    }
}
