package dev.xsrun.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.runtime.Values;
import dev.xsrun.runtime.XsError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A validated Segment track event: who ({@code userId}), what ({@code event}), its properties and
 * context, and when. {@link #toJson} gives the wire form with {@code messageId}, {@code sentAt} and
 * {@code context.library}.
 *
 * <p>Validation, in Segment's and the language's words: {@code userId} and {@code event} are required and
 * must not be blank (they are trimmed); {@code properties} and {@code context} must be objects when given
 * (an empty list counts as an empty object, since PHP-born JSON cannot tell them apart); {@code timestamp}
 * is epoch milliseconds (number or digits), ISO-8601 text (a text without zone is read as UTC), or absent
 * for "now".
 */
public record TrackMessage(String userId, String event, ObjectNode properties, ObjectNode context, Instant timestamp) {
    /** ISO-8601 in UTC with milliseconds, as Segment's own libraries write it. */
    public static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter();

    public TrackMessage {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(timestamp, "timestamp");
        userId = userId.trim();
        event = event.trim();
        if (userId.isEmpty()) {
            throw XsError.input("user_id must not be empty", "user_id");
        }
        if (event.isEmpty()) {
            throw XsError.input("event must not be empty", "event");
        }
        properties = properties == null ? Values.object() : properties.deepCopy();
        context = context == null ? Values.object() : context.deepCopy();
    }

    /**
     * Builds a message from loosely typed values as a job passes them, validating each.
     *
     * @param clock gives "now" when {@code timestamp} is null or absent
     */
    public static TrackMessage of(JsonNode userId, JsonNode event, JsonNode properties, JsonNode context, JsonNode timestamp,
            Clock clock) {
        return new TrackMessage(
                requiredText(userId, "user_id"),
                requiredText(event, "event"),
                objectOrNull(properties, "properties"),
                objectOrNull(context, "context"),
                timestamp(timestamp, clock));
    }

    /** The timestamp as sent: ISO-8601 UTC with milliseconds. */
    public String isoTimestamp() {
        return ISO_MILLIS.format(timestamp);
    }

    /** The wire form: type, userId, event, properties, context (with library), timestamp, messageId, sentAt. */
    public ObjectNode toJson(String messageId, Instant sentAt, String libraryVersion) {
        ObjectNode m = Values.object();
        m.put("type", "track");
        m.put("userId", userId);
        m.put("event", event);
        m.set("properties", properties.deepCopy());
        ObjectNode ctx = context.deepCopy();
        ObjectNode library = Values.object();
        library.put("name", "xsrun");
        library.put("version", libraryVersion);
        ctx.set("library", library);
        m.set("context", ctx);
        m.put("timestamp", isoTimestamp());
        m.put("messageId", messageId);
        m.put("sentAt", ISO_MILLIS.format(sentAt));
        return m;
    }

    private static String requiredText(JsonNode v, String name) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            throw XsError.input("Missing param: " + name, name);
        }
        if (v.isContainerNode()) {
            throw XsError.input(name + " must be text, got " + Values.typeName(v), name);
        }
        return Values.toText(v);
    }

    private static ObjectNode objectOrNull(JsonNode v, String name) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isObject()) {
            return (ObjectNode) v;
        }
        if (v.isArray() && v.isEmpty()) {
            return null;
        }
        throw XsError.input(name + " must be an object, got " + Values.typeName(v), name);
    }

    /** Epoch milliseconds (number or digits), ISO-8601 text, or null/absent/blank for now. */
    static Instant timestamp(JsonNode v, Clock clock) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return clock.instant();
        }
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.isIntegralNumber() ? v.longValue() : Math.round(v.doubleValue()));
        }
        if (!v.isTextual()) {
            throw XsError.input("timestamp must be epoch milliseconds or ISO-8601 text, got " + Values.typeName(v), "timestamp");
        }
        String s = v.textValue().trim();
        if (s.isEmpty() || s.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        if (s.matches("-?\\d+")) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw invalidTimestamp(s);
            }
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(iso, OFFSET_WITHOUT_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalidTimestamp(s);
        }
    }

    private static XsError invalidTimestamp(String s) {
        return XsError.input("timestamp is neither epoch milliseconds nor an ISO-8601 date: " + s, "timestamp");
    }
}
