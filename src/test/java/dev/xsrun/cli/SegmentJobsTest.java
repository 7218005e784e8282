package dev.xsrun.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.xsrun.value.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both Segment jobs (the built-in in jobs/ and the XanoScript port in examples/) run through the CLI
 * against a WireMock stand-in of Segment; the request that arrives is checked field by field.
 */
class SegmentJobsTest {
    private static final String KEY = "wk_test_Zq81xY";
    private static final String BUILTIN = "jobs/segment-track-event";
    private static final String PORTED = "examples/segment-track-event";

    @RegisterExtension
    final WireMockExtension segment = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Cli run(String job, String... extra) {
        String[] base = {"run", job, "--env", "segment_write_key=" + KEY, "--route",
                "https://api.segment.io=http://127.0.0.1:" + segment.getPort()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private void accept() {
        segment.stubFor(post(urlEqualTo("/v1/track")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
    }

    private static JsonNode body(LoggedRequest r) throws Exception {
        return Json.parse(r.getBodyAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {BUILTIN, PORTED})
    void sendsTheTrackCallFieldByField(String job) throws Exception {
        accept();
        Cli r = run(job);
        assertEquals(0, r.exit, r.toString());

        List<LoggedRequest> sent = segment.findAll(postRequestedFor(urlEqualTo("/v1/track")));
        assertEquals(1, sent.size());
        LoggedRequest req = sent.get(0);
        String basic = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, req.getHeader("Authorization"));
        assertTrue(req.getHeader("Content-Type").startsWith("application/json"));
        JsonNode b = body(req);
        assertEquals("track", b.path("type").asText());
        assertEquals("user_98765", b.path("userId").asText());
        assertEquals("Video Watched", b.path("event").asText());
        JsonNode p = b.path("properties");
        assertEquals("vid_abc123", p.path("video_id").asText());
        assertEquals("Getting Started with XanoScript", p.path("video_title").asText());
        assertEquals(342, p.path("duration_seconds").asInt());
        assertEquals(95, p.path("percent_watched").asInt());
        assertEquals("1080p", p.path("quality").asText());
        assertEquals(5, p.size());
        JsonNode c = b.path("context");
        assertEquals("/tutorials/getting-started", c.path("page_url").asText());
        assertEquals("https://www.google.com", c.path("referrer").asText());
        assertFalse(c.path("library").path("name").asText().isEmpty());
        assertFalse(c.path("library").path("version").asText().isEmpty());
        Instant ts = Instant.parse(b.path("timestamp").asText());
        Instant sentAt = Instant.parse(b.path("sentAt").asText());
        assertTrue(b.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertTrue(Math.abs(sentAt.toEpochMilli() - ts.toEpochMilli()) < 60_000);
        assertTrue(b.path("messageId").asText().length() >= 16 && b.path("messageId").asText().length() < 100);

        JsonNode result = Json.parse(r.out);
        assertTrue(result.path("success").asBoolean());
        assertEquals("user_98765", result.path("user_id").asText());
        assertEquals("Video Watched", result.path("event").asText());
        assertEquals(b.path("timestamp").asText(), result.path("timestamp").asText());
        assertEquals(p, result.path("properties"));
        assertTrue(result.path("segment_response").path("success").asBoolean());
        assertFalse(r.all().contains(KEY), "the write key leaked: " + r);
    }

    @Test
    void bothJobsSendEquivalentRequests() throws Exception {
        accept();
        assertEquals(0, run(BUILTIN).exit);
        assertEquals(0, run(PORTED).exit);
        List<LoggedRequest> sent = segment.findAll(postRequestedFor(urlEqualTo("/v1/track")));
        assertEquals(2, sent.size());
        JsonNode a = body(sent.get(0));
        JsonNode b = body(sent.get(1));
        for (String field : List.of("type", "userId", "event", "properties")) {
            assertEquals(a.get(field), b.get(field), field);
        }
        for (String field : List.of("page_url", "referrer")) {
            assertEquals(a.path("context").get(field), b.path("context").get(field), field);
        }
        assertEquals(sent.get(0).getHeader("Authorization"), sent.get(1).getHeader("Authorization"));
    }

    @ParameterizedTest
    @ValueSource(strings = {BUILTIN, PORTED})
    void refusesToRunWithoutTheWriteKeyAndSendsNothing(String job) {
        accept();
        Cli r = Cli.run("run", job, "--route", "https://api.segment.io=http://127.0.0.1:" + segment.getPort());
        assertEquals(65, r.exit, r.toString());
        assertTrue(r.err.contains("segment_write_key"), r.err);
        assertTrue(r.out.isEmpty());
        assertEquals(0, segment.findAll(postRequestedFor(urlEqualTo("/v1/track"))).size());
    }

    @Test
    void aRefusedWriteKeyIsAServiceFailureNamingTheCause() {
        segment.stubFor(post(urlEqualTo("/v1/track")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":false,\"message\":\"Invalid write key\"}")));
        Cli r = run(BUILTIN);
        assertEquals(69, r.exit, r.toString());
        assertTrue(r.err.contains("401"), r.err);
        assertTrue(r.err.toLowerCase().contains("write key"), r.err);
        assertEquals(1, segment.findAll(postRequestedFor(urlEqualTo("/v1/track"))).size());
        assertFalse(r.all().contains(KEY));
    }

    @Test
    void thePortedJobReportsA401WithItsPrecondition() {
        segment.stubFor(post(urlEqualTo("/v1/track")).willReturn(aResponse().withStatus(401)));
        Cli r = run(PORTED);
        assertEquals(70, r.exit, r.toString());
        assertTrue(r.err.contains("Segment refused the write key (401)"), r.err);
        assertTrue(r.err.contains("segment_track_event.xs:"), r.err);
    }

    @Test
    void aServerErrorIsRetriedOnceWithTheSameMessageId() throws Exception {
        segment.stubFor(post(urlEqualTo("/v1/track")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        segment.stubFor(post(urlEqualTo("/v1/track")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        Cli r = run(BUILTIN);
        assertEquals(0, r.exit, r.toString());
        List<LoggedRequest> sent = segment.findAll(postRequestedFor(urlEqualTo("/v1/track")));
        assertEquals(2, sent.size());
        assertEquals(body(sent.get(0)).path("messageId"), body(sent.get(1)).path("messageId"));
        assertEquals("1", sent.get(1).getHeader("X-Retry-Count"));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        segment.stubFor(post(urlEqualTo("/v1/track")).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        segment.stubFor(post(urlEqualTo("/v1/track")).inScenario("throttled").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        Cli r = run(BUILTIN);
        assertEquals(0, r.exit, r.toString());
        List<LoggedRequest> sent = segment.findAll(postRequestedFor(urlEqualTo("/v1/track")));
        assertEquals(2, sent.size());
        // the stand-in's own clock: the retry came no sooner than the second Segment asked for
        long gapMs = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        assertTrue(gapMs >= 950, "Retry-After: 1 was not honoured: the retry came after " + gapMs + " ms");
        assertEquals("1", sent.get(1).getHeader("X-Retry-Count"));
    }

    @Test
    void aStandInThatNeverAnswersIsStoppedByTimeout() {
        segment.stubFor(post(urlEqualTo("/v1/track")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        Cli r = run(BUILTIN, "--timeout", "1s");
        assertEquals(75, r.exit, r.toString());
        assertTrue(r.err.contains("timeout"), r.err);
        assertTrue(r.out.isEmpty());
    }

    @Test
    void dryRunSendsNothingAndMasksTheKey() {
        accept();
        Cli r = run(BUILTIN, "--dry-run");
        assertEquals(0, r.exit, r.toString());
        assertEquals(0, segment.findAll(postRequestedFor(urlEqualTo("/v1/track"))).size());
        assertTrue(r.err.contains("POST"), r.err);
        String b64 = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertFalse(r.all().contains(KEY));
        assertFalse(r.all().contains(b64));
    }

    @Test
    void inputsCanBeOverriddenFromTheCommandLine() throws Exception {
        accept();
        Cli r = run(BUILTIN, "--input", "event=Signed Up", "--input", "properties={\"plan\":\"pro\"}");
        assertEquals(0, r.exit, r.toString());
        JsonNode b = body(segment.findAll(postRequestedFor(urlEqualTo("/v1/track"))).get(0));
        assertEquals("Signed Up", b.path("event").asText());
        assertEquals("pro", b.path("properties").path("plan").asText());
        assertEquals(1, b.path("properties").size());
    }

    @Test
    void aBlankUserIdIsAnInputError() {
        accept();
        Cli r = run(BUILTIN, "--input", "user_id=   ");
        assertEquals(65, r.exit, r.toString());
        assertTrue(r.err.contains("Missing param: user_id"), r.err);
        assertEquals(0, segment.findAll(postRequestedFor(urlEqualTo("/v1/track"))).size());
    }
}
