package dev.xsrun.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import dev.xsrun.segment.SegmentClient;
import dev.xsrun.segment.TrackMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch mode writes a message's batch form and its result as text, without building their trees; the
 * text must be exactly what encoding the trees gives.
 */
class EncodedResultTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:09:10.011Z"), ZoneOffset.UTC);

    static Stream<String> inputs() {
        return Stream.of(
                "{\"user_id\":\"u1\",\"event\":\"Signed Up\"}",
                "{\"user_id\":\"  u \\\"q\\\" \\\\ \\n é 😀 \",\"event\":\"\\tTabbed\\u0001\",\"properties\":{\"a\":1,\"b\":2.5,\"c\":[true,null,{\"d\":\"x\"}],\"e\":{}}}",
                "{\"user_id\":42,\"event\":\"Paid\",\"properties\":{\"amount\":1e21,\"n\":-0.1},\"context\":{\"ip\":\"1.2.3.4\"},\"timestamp\":1700000000123}",
                "{\"user_id\":\"u\",\"event\":\"E\",\"context\":{\"a\":1,\"library\":{\"name\":\"theirs\"},\"z\":[]},\"timestamp\":\"2025-02-13T14:30:00Z\"}",
                "{\"user_id\":\"u\",\"event\":\"E\",\"properties\":[],\"context\":{\"library\":\"x\"}}",
                "{\"user_id\":\"u\",\"event\":\"E\",\"properties\":null,\"context\":{}}");
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void batchTextIsTheEncodedBatchTree(String line) throws Exception {
        TrackMessage m = message(line);
        String expected = Json.encode(m.toBatchJson("mid-1", SegmentClient.VERSION));
        assertEquals(expected, m.batchJsonText("mid-1", SegmentClient.VERSION, Json.encode(m.properties()), m.isoTimestamp()));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void resultHeadAndResponseAreTheEncodedResult(String line) throws Exception {
        TrackMessage m = message(line);
        for (String answer : new String[]{"{\"success\":true}", "{}", "{\"success\":true,\"x\":[1,\"two\"]}"}) {
            JsonNode response = Json.parse(answer);
            String expected = Json.encode(SegmentTrackEvent.result(m, m.isoTimestamp(), response));
            String head = SegmentTrackEvent.resultHead(m.userId(), m.event(), m.isoTimestamp(), Json.encode(m.properties()));
            assertEquals(expected, head + Json.encode(response) + "}");
        }
    }

    private static TrackMessage message(String line) throws Exception {
        JsonNode in = Json.parse(line);
        return TrackMessage.of(in.get("user_id"), in.get("event"), in.get("properties"), in.get("context"), in.get("timestamp"), CLOCK);
    }
}
