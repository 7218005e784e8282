package dev.xsrun.segment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.xsrun.builtins.SegmentTrackEvent;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.http.Route;
import dev.xsrun.value.Json;
import dev.xsrun.value.XsError;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SegmentTrackEventTest {
    @RegisterExtension
    final WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "wk_test_Abc123xyz";
    private static final Instant NOW = Instant.parse("2025-02-13T14:30:00.123Z");

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final MutableClock clock = new MutableClock(NOW);
    private final Map<String, String> env = new HashMap<>();
    private RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(300),
            Duration.ofMinutes(10));
    private HttpOptions http = HttpOptions.defaults().withLog(log::add);
    private final dev.xsrun.value.Secrets secrets = new dev.xsrun.value.Secrets();

    @BeforeEach
    void pointAtTheStandIn() {
        env.put("segment_write_key", KEY);
        env.put("segment_endpoint", wm.getRuntimeInfo().getHttpBaseUrl());
    }

    private SegmentTrackEvent fn() {
        return new SegmentTrackEvent(clock, () -> "msg-" + ids.incrementAndGet(), retry, d -> {
            sleeps.add(d);
            clock.advance(d);
        });
    }

    private JsonNode call(String inputJson) throws Exception {
        return fn().call((ObjectNode) Json.parse(inputJson), env::get, http, secrets);
    }

    private List<LoggedRequest> received() {
        List<LoggedRequest> all = new ArrayList<>(wm.findAll(anyRequestedFor(anyUrl())));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheTrackMessageFieldByField() throws Exception {
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        JsonNode out = call("{\"user_id\":\"u-42\",\"event\":\"Order Completed\",\"properties\":{\"total\":12.5,\"items\":[1,2]},"
                + "\"context\":{\"ip\":\"10.0.0.1\"},\"timestamp\":1739457000000}");

        List<LoggedRequest> reqs = received();
        assertEquals(1, reqs.size());
        LoggedRequest r = reqs.get(0);
        assertEquals("POST", r.getMethod().getName());
        assertEquals("/v1/track", r.getUrl());
        assertEquals(basic(KEY), r.getHeader("Authorization"));
        assertEquals("Basic d2tfdGVzdF9BYmMxMjN4eXo6", r.getHeader("Authorization"));
        assertEquals("application/json", r.getHeader("Content-Type"));
        assertEquals("xsrun/" + SegmentClient.VERSION, r.getHeader("User-Agent"));
        assertFalse(SegmentClient.VERSION.isBlank());
        assertFalse(r.containsHeader("X-Retry-Count"));

        JsonNode b = Json.parse(r.getBodyAsString());
        assertEquals("track", b.get("type").asText());
        assertEquals("u-42", b.get("userId").asText());
        assertEquals("Order Completed", b.get("event").asText());
        assertEquals(12.5, b.get("properties").get("total").asDouble());
        assertEquals(2, b.get("properties").get("items").size());
        assertEquals("10.0.0.1", b.get("context").get("ip").asText());
        assertEquals("xsrun", b.get("context").get("library").get("name").asText());
        assertEquals(SegmentClient.VERSION, b.get("context").get("library").get("version").asText());
        assertEquals("2025-02-13T14:30:00.000Z", b.get("timestamp").asText());
        assertEquals("msg-1", b.get("messageId").asText());
        assertEquals("2025-02-13T14:30:00.123Z", b.get("sentAt").asText());
        assertEquals(8, b.size(), b.toString());

        assertTrue(out.get("success").asBoolean());
        assertEquals("u-42", out.get("user_id").asText());
        assertEquals("Order Completed", out.get("event").asText());
        assertEquals("2025-02-13T14:30:00.000Z", out.get("timestamp").asText());
        assertEquals(b.get("properties"), out.get("properties"));
        assertEquals(Json.parse("{\"success\":true}"), out.get("segment_response"));
        assertEquals(6, out.size());
    }

    @Test
    void absentTimestampMeansNowAndAbsentPropertiesAreEmpty() throws Exception {
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        JsonNode out = call("{\"user_id\":\"u\",\"event\":\"e\",\"properties\":null}");
        JsonNode b = Json.parse(received().get(0).getBodyAsString());
        assertEquals("2025-02-13T14:30:00.123Z", b.get("timestamp").asText());
        assertEquals(Json.parse("{}"), b.get("properties"));
        assertEquals(Json.parse("{}"), out.get("properties"));
        assertEquals(Json.parse("{\"library\":{\"name\":\"xsrun\",\"version\":\"" + SegmentClient.VERSION + "\"}}"), b.get("context"));
    }

    @Test
    void missingWriteKeySendsNothing() throws Exception {
        env.remove("segment_write_key");
        XsError e = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals(XsError.Kind.INPUT, e.kind());
        assertEquals("Missing environment variable: segment_write_key", e.getMessage());
        env.put("segment_write_key", "");
        assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals(0, received().size());
    }

    @Test
    void badWriteKeyIsNamedAndNotRetried() throws Exception {
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"invalid write key\"}")));
        XsError e = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertTrue(e.getMessage().startsWith("Segment refused the write key (401 Unauthorized): invalid write key"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
        assertEquals(1, received().size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void serverErrorIsRetriedOnceWithTheSameMessageId() throws Exception {
        wm.stubFor(post("/v1/track").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        wm.stubFor(post("/v1/track").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        JsonNode out = call("{\"user_id\":\"u\",\"event\":\"e\"}");

        List<LoggedRequest> reqs = received();
        assertEquals(2, reqs.size());
        JsonNode first = Json.parse(reqs.get(0).getBodyAsString());
        JsonNode second = Json.parse(reqs.get(1).getBodyAsString());
        assertEquals("msg-1", first.get("messageId").asText());
        assertEquals("msg-1", second.get("messageId").asText());
        assertFalse(reqs.get(0).containsHeader("X-Retry-Count"));
        assertEquals("1", reqs.get(1).getHeader("X-Retry-Count"));
        assertEquals(basic(KEY), reqs.get(1).getHeader("Authorization"));
        assertEquals(1, sleeps.size());
        assertTrue(sleeps.get(0).toMillis() >= 50 && sleeps.get(0).toMillis() <= 100, sleeps.toString());
        assertEquals(first.get("timestamp"), second.get("timestamp"));
        assertTrue(out.get("success").asBoolean());
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        wm.stubFor(post("/v1/track").inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        wm.stubFor(post("/v1/track").inScenario("throttled").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        call("{\"user_id\":\"u\",\"event\":\"e\"}");
        assertEquals(List.of(Duration.ofMillis(1000)), sleeps);
        assertEquals(2, received().size());
    }

    @Test
    void retryAfterIsCappedAndTheDeadlineStopsWaiting() throws Exception {
        retry = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(300), Duration.ofSeconds(60));
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")));
        XsError e = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals("Segment track failed after 1 attempt (waiting 300000 ms more would pass the 60 s deadline); "
                + "last answer: 429 Too Many Requests", e.getMessage());
        assertTrue(sleeps.isEmpty());
        assertEquals(1, received().size());
    }

    @Test
    void persistentServerErrorsGiveUpAfterMaxAttempts() throws Exception {
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(503)));
        XsError e = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertEquals("Segment track failed after 3 attempts; last answer: 503 Service Unavailable", e.getMessage());
        List<LoggedRequest> reqs = received();
        assertEquals(3, reqs.size());
        assertEquals("2", reqs.get(2).getHeader("X-Retry-Count"));
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(1).toMillis() >= 100 && sleeps.get(1).toMillis() <= 200, sleeps.toString());
    }

    @Test
    void badRequestIsNotRetried() throws Exception {
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid JSON\"}")));
        XsError e = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"Signed Up\"}"));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertEquals("Segment rejected the track event \"Signed Up\": 400 Bad Request: Invalid JSON", e.getMessage());
        assertEquals(1, received().size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void notImplementedIsNotRetried() throws Exception {
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(501)));
        assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals(1, received().size());
    }

    @Test
    void timeoutsAreRetriedThenReported() throws Exception {
        retry = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(300), Duration.ofMinutes(1));
        http = http.withDefaultTimeout(Duration.ofMillis(500));
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
        XsError e = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals("Segment track failed after 2 attempts; last answer: Operation timed out after 500 milliseconds", e.getMessage());
        assertEquals(2, received().size());
    }

    @Test
    void connectionFailuresAreRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        env.put("segment_endpoint", "http://127.0.0.1:" + port);
        XsError e = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\"}"));
        assertEquals("Segment track failed after 3 attempts; last answer: Could not connect to http://127.0.0.1:" + port
                + "/v1/track: connection refused", e.getMessage());
        assertEquals(2, sleeps.size());
    }

    @Test
    void oversizeMessagesAreRefusedBeforeSending() throws Exception {
        String big = "x".repeat(40_000);
        XsError e = assertThrows(XsError.class,
                () -> call("{\"user_id\":\"u\",\"event\":\"Big\",\"properties\":{\"blob\":\"" + big + "\"}}"));
        assertEquals(XsError.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().matches("Segment track event \"Big\" is 40\\d{3} bytes; Segment accepts at most 32768 bytes per message"),
                e.getMessage());
        assertEquals(0, received().size());
    }

    @Test
    void routesApplyToTheDefaultEndpoint() throws Exception {
        env.remove("segment_endpoint");
        http = http.withRoutes(List.of(Route.parse("https://api.segment.io=" + wm.getRuntimeInfo().getHttpBaseUrl())));
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        call("{\"user_id\":\"u\",\"event\":\"e\"}");
        assertEquals(1, received().size());
    }

    @Test
    void dryRunSendsNothingAndMasksTheKey() throws Exception {
        env.remove("segment_endpoint");
        http = http.withDryRun(true);
        JsonNode out = call("{\"user_id\":\"u\",\"event\":\"e\"}");
        assertEquals(0, received().size());
        assertTrue(out.get("segment_response").get("success").asBoolean());
        String all = String.join("\n", log);
        assertTrue(all.contains("[dry-run] POST https://api.segment.io/v1/track"), all);
        assertTrue(all.contains("Authorization: Basic ****"), all);
        assertFalse(all.contains(KEY), all);
        assertFalse(all.contains(basic(KEY).substring(6)), all);
    }

    @Test
    void invalidInputsAreInputErrors() throws Exception {
        assertEquals("user_id must not be empty",
                assertThrows(XsError.class, () -> call("{\"user_id\":\"  \",\"event\":\"e\"}")).getMessage());
        assertEquals("Missing param: event", assertThrows(XsError.class, () -> call("{\"user_id\":\"u\"}")).getMessage());
        assertEquals("properties must be an object, got text",
                assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\",\"properties\":\"x\"}")).getMessage());
        assertEquals("context must be an object, got array",
                assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\",\"context\":[1]}")).getMessage());
        XsError ts = assertThrows(XsError.class, () -> call("{\"user_id\":\"u\",\"event\":\"e\",\"timestamp\":\"yesterday\"}"));
        assertEquals(XsError.Kind.INPUT, ts.kind());
        assertEquals(0, received().size());
    }

    @Test
    void timestampsAreReadInEveryAcceptedForm() {
        Clock c = Clock.fixed(NOW, ZoneOffset.UTC);
        assertEquals("2025-02-13T14:30:00.000Z", iso("\"2025-02-13T15:30:00+01:00\"", c));
        assertEquals("2025-02-13T14:30:00.000Z", iso("\"2025-02-13 14:30:00\"", c));
        assertEquals("2025-02-13T14:30:00.000Z", iso("\"2025-02-13 15:30:00+0100\"", c));
        assertEquals("2025-02-13T14:30:00.500Z", iso("\"2025-02-13T14:30:00.5Z\"", c));
        assertEquals("2025-02-13T00:00:00.000Z", iso("\"2025-02-13\"", c));
        assertEquals("2025-02-13T14:30:00.000Z", iso("\"1739457000000\"", c));
        assertEquals("2025-02-13T14:30:00.000Z", iso("1739457000000", c));
        assertEquals("2025-02-13T14:30:00.123Z", iso("null", c));
        assertEquals("2025-02-13T14:30:00.123Z", iso("\"\"", c));
    }

    private static String iso(String json, Clock c) {
        try {
            return TrackMessage.ISO_MILLIS.format(TrackMessage.timestamp(Json.parse(json), c));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void inputIsNotModified() throws Exception {
        wm.stubFor(post("/v1/track").willReturn(aResponse().withStatus(200)));
        ObjectNode input = (ObjectNode) Json.parse("{\"user_id\":\"u\",\"event\":\"e\",\"context\":{\"a\":1}}");
        ObjectNode before = input.deepCopy();
        JsonNode out = fn().call(input, env::get, http, secrets);
        assertEquals(before, input);
        assertTrue(out.get("segment_response").isNull());
    }

    @Test
    void declarationMatchesTheInputs() {
        String d = SegmentTrackEvent.INPUT_DECLARATION;
        assertTrue(d.startsWith("input {\n") && d.endsWith("\n}"));
        for (String name : List.of("user_id", "event", "properties", "context", "timestamp")) {
            assertTrue(d.contains(" " + name), name);
        }
        assertNull(null);
    }

    /** A clock the sleeper moves forward, so the retry deadline can be tested without waiting. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
