package dev.xsrun.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
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
import java.util.Iterator;
import java.util.Map;
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

    private static final java.util.regex.Pattern EPOCH_MILLIS = java.util.regex.Pattern.compile("-?\\d+");

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
        properties = properties == null ? Values.object() : properties;
        context = context == null ? Values.object() : context;
    }

    /**
     * Builds a message from loosely typed values as a job passes them, validating each.
     *
     * @param clock gives "now" when {@code timestamp} is null or absent
     */
    public static TrackMessage of(JsonNode userId, JsonNode event, JsonNode properties, JsonNode context, JsonNode timestamp,
            Clock clock) {
        return of(userId, event, properties, context, timestamp, clock, true);
    }

    /**
     * As {@link #of}, for values that nothing else holds or will change (a batch line's own input when no
     * XanoScript runs after the call): properties and context are used as they are, not copied.
     */
    public static TrackMessage ofOwned(JsonNode userId, JsonNode event, JsonNode properties, JsonNode context,
            JsonNode timestamp, Clock clock) {
        return of(userId, event, properties, context, timestamp, clock, false);
    }

    private static TrackMessage of(JsonNode userId, JsonNode event, JsonNode properties, JsonNode context, JsonNode timestamp,
            Clock clock, boolean copy) {
        ObjectNode p = objectOrNull(properties, "properties");
        ObjectNode c = objectOrNull(context, "context");
        return new TrackMessage(
                requiredText(userId, "user_id"),
                requiredText(event, "event"),
                copy && p != null ? p.deepCopy() : p,
                copy && c != null ? c.deepCopy() : c,
                timestamp(timestamp, clock));
    }

    /** The timestamp as sent: ISO-8601 UTC with milliseconds. */
    public String isoTimestamp() {
        return isoMillis(timestamp);
    }

    /**
     * {@link #ISO_MILLIS} without the formatter: a batch formats two timestamps per message, and the
     * general formatter (fractions through BigDecimal) cost more than the rest of the message. Years
     * outside 0000-9999 take the formatter.
     */
    public static String isoMillis(Instant t) {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // The civil date of a day count (days since 1970-01-01), by whole 400-year eras of the proleptic
        // Gregorian calendar, with years starting on 1 March so that the leap day comes last.
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return ISO_MILLIS.format(t);
        }
        char[] c = new char[24];
        digits(c, 0, (int) year, 4);
        c[4] = '-';
        digits(c, 5, month, 2);
        c[7] = '-';
        digits(c, 8, day, 2);
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The wire form: type, userId, event, properties, context (with library), timestamp, messageId, sentAt. */
    public ObjectNode toJson(String messageId, Instant sentAt, String libraryVersion) {
        // the batch form shares this message's objects; a single message gets its own copies
        ObjectNode m = toBatchJson(messageId, libraryVersion).deepCopy();
        m.put("sentAt", isoMillis(sentAt));
        return m;
    }

    /**
     * The form a message takes inside a {@code /v1/batch} request: as {@link #toJson} but without
     * {@code sentAt}, which the batch carries once for all its messages.
     */
    public ObjectNode toBatchJson(String messageId, String libraryVersion) {
        // Shares properties and context with this message instead of copying them: the tree is for
        // encoding at once, and neither it nor this record is changed afterwards.
        ObjectNode m = Values.object();
        m.put("type", "track");
        m.put("userId", userId);
        m.put("event", event);
        m.set("properties", properties);
        ObjectNode ctx = Values.object();
        ctx.setAll(context);
        ObjectNode library = Values.object();
        library.put("name", "xsrun");
        library.put("version", libraryVersion);
        ctx.set("library", library);
        m.set("context", ctx);
        m.put("timestamp", isoTimestamp());
        m.put("messageId", messageId);
        return m;
    }

    /**
     * What {@code Json.encode(toBatchJson(messageId, libraryVersion))} gives, written straight from the
     * message instead of through a tree; a batch encodes every message this way.
     *
     * @param propertiesJson {@code Json.encode(properties())}, which the caller may need again
     * @param iso            {@link #isoTimestamp()}, likewise
     */
    public String batchJsonText(String messageId, String libraryVersion, String propertiesJson, String iso) {
        // room for the fixed keys, the library and a typical context: no regrowth in the common case
        StringBuilder sb = new StringBuilder(propertiesJson.length() + userId.length() + event.length() + 512);
        sb.append("{\"type\":\"track\",\"userId\":");
        Json.quote(sb, userId);
        sb.append(",\"event\":");
        Json.quote(sb, event);
        sb.append(",\"properties\":").append(propertiesJson).append(",\"context\":{");
        // context's own fields in order, with "library" replaced where it stands or added last
        boolean library = false;
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!first) {
                sb.append(',');
            }
            first = false;
            Json.quote(sb, e.getKey());
            sb.append(':');
            if (e.getKey().equals("library")) {
                library = true;
                library(sb, libraryVersion);
            } else {
                Json.encode(sb, e.getValue());
            }
        }
        if (!library) {
            if (!first) {
                sb.append(',');
            }
            sb.append("\"library\":");
            library(sb, libraryVersion);
        }
        sb.append("},\"timestamp\":");
        Json.quote(sb, iso);
        sb.append(",\"messageId\":");
        Json.quote(sb, messageId);
        return sb.append('}').toString();
    }

    private static void library(StringBuilder sb, String version) {
        sb.append("{\"name\":\"xsrun\",\"version\":");
        Json.quote(sb, version);
        sb.append('}');
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
        Instant quick = utcWithMillis(s);
        if (quick != null) {
            return quick;
        }
        if (EPOCH_MILLIS.matcher(s).matches()) {
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

    /**
     * The commonest form, {@code 2025-02-13T14:30:00.000Z} (no fraction or 1 to 9 fraction digits), read
     * by hand; null for anything else, which the general parsers then read. Out-of-range fields are left
     * to them too, so the messages stay theirs.
     */
    private static Instant utcWithMillis(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        int hour = num(s, 11, 2);
        int minute = num(s, 14, 2);
        int second = num(s, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nanos = num(s, 20, digits);
            for (int i = digits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null; // day > 28 needs the calendar: leave it to the general parser
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code s[at, at + width)}, or -1 when a character is not a digit. */
    private static int num(String s, int at, int width) {
        int v = 0;
        for (int i = at; i < at + width; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static XsError invalidTimestamp(String s) {
        return XsError.input("timestamp is neither epoch milliseconds nor an ISO-8601 date: " + s, "timestamp");
    }
}
