package dev.xsrun.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    private static final String JOB = "Track a Segment event";
    private static final byte[] LINE = "{\"user_id\":\"u1\",\"event\":\"Signed Up\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void idsAreVersion5UuidsMatchingAnIndependentImplementation() {
        // Computed with Python's uuid/hashlib over the same length-prefixed name (see MessageIds).
        assertEquals("8f392445-1e58-524a-bf1f-7be69018c4a4", MessageIds.of(JOB, "events.jsonl", 1, LINE, 0));
        assertEquals("a8a0b832-1849-5c7c-9089-729b63548aeb", MessageIds.of(JOB, "events.jsonl", 1, LINE, 1));
    }

    @Test
    void theSameLineGivesTheSameIdsAndAnythingElseAnother() {
        MessageIds.Line a = MessageIds.forLine(JOB, "events.jsonl", 7, LINE);
        MessageIds.Line b = MessageIds.forLine(JOB, "events.jsonl", 7, LINE.clone());
        assertEquals(a.next(), b.next());
        assertEquals(a.next(), b.next());
        assertEquals(2, a.calls());
        Set<String> ids = new HashSet<>();
        ids.add(MessageIds.of(JOB, "events.jsonl", 7, LINE, 0));
        ids.add(MessageIds.of(JOB, "events.jsonl", 8, LINE, 0));
        ids.add(MessageIds.of(JOB, "other.jsonl", 7, LINE, 0));
        ids.add(MessageIds.of("Another job", "events.jsonl", 7, LINE, 0));
        ids.add(MessageIds.of(JOB, "events.jsonl", 7, "{\"user_id\":\"u2\",\"event\":\"Signed Up\"}".getBytes(StandardCharsets.UTF_8), 0));
        ids.add(MessageIds.of(JOB, "events.jsonl", 7, LINE, 1));
        assertEquals(6, ids.size());
        // The length prefixes keep fields from running together.
        assertNotEquals(MessageIds.of("ab", "c", 1, LINE, 0), MessageIds.of("a", "bc", 1, LINE, 0));
    }

    @Test
    void theHandWrittenTimestampFormMatchesTheFormatter() {
        Random r = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Instant t = Instant.ofEpochMilli(r.nextLong() % 4_000_000_000_000L).plusNanos(r.nextInt(1_000_000));
            assertEquals(TrackMessage.ISO_MILLIS.format(t), TrackMessage.isoMillis(t), t.toString());
        }
        assertEquals(TrackMessage.ISO_MILLIS.format(Instant.parse("0000-06-01T00:00:00Z")),
                TrackMessage.isoMillis(Instant.parse("0000-06-01T00:00:00Z")));
        // every year the hand-written form covers, and the calendar's corners
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(first + Math.floorMod(r.nextLong(), last - first + 1), r.nextInt(1_000_000_000));
            assertEquals(TrackMessage.ISO_MILLIS.format(t), TrackMessage.isoMillis(t), t.toString());
        }
        for (String corner : new String[] {"0001-01-01T00:00:00Z", "1600-02-29T12:00:00Z", "1900-02-28T23:59:59.999Z",
                "1900-03-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "2000-02-29T00:00:00.001Z",
                "2100-03-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(corner);
            assertEquals(TrackMessage.ISO_MILLIS.format(t), TrackMessage.isoMillis(t), corner);
        }
    }

    @Test
    void theQuickTimestampReaderAgreesWithTheGeneralOne() {
        for (String s : new String[] {"2025-02-13T14:30:00.000Z", "2025-02-13T14:30:00Z", "2025-02-13T14:30:00.1Z",
                "2025-02-13T14:30:00.123456789Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z"}) {
            assertEquals(OffsetDateTime.parse(s).toInstant(), TrackMessage.timestamp(dev.xsrun.value.Values.of(s), null), s);
        }
    }
}
