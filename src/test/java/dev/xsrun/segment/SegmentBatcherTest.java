package dev.xsrun.segment;

import dev.xsrun.http.Delivery;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.value.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The batcher against a WireMock stand-in of Segment: how messages are grouped (count, bytes), what
 * a batch request looks like on the wire, and how faults are retried with the very same messageIds.
 */
class SegmentBatcherTest {
    @RegisterExtension
    final WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "wk_batch_Qx71Lm";
    /** Quick retries, so fault tests take milliseconds; Segment's rule for what is retried stays. */
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofSeconds(2), Duration.ofMinutes(1));

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final HttpOptions http = HttpOptions.defaults().withLog(log::add);
    private final dev.xsrun.value.Secrets secrets = new dev.xsrun.value.Secrets();
    private final List<SegmentBatcher> made = new ArrayList<>();

    @AfterEach
    void closeBatchers() {
        made.forEach(SegmentBatcher::close);
    }

    /** A batcher that sends only when told (flush) or when a limit is reached. */
    private SegmentBatcher batcher(SegmentBatcher.Settings settings) {
        SegmentBatcher b = new SegmentBatcher(KEY, wm.getRuntimeInfo().getHttpBaseUrl(), http, secrets, settings, Clock.systemUTC(),
                () -> 0.5, null);
        made.add(b);
        return b;
    }

    private static SegmentBatcher.Settings manual() {
        return SegmentBatcher.Settings.defaults(SegmentBatcher.MAX_BATCH_MESSAGES).withLinger(Duration.ofMinutes(5)).withRetry(FAST);
    }

    private void accept() {
        wm.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
    }

    private static byte[] message(int i, int padding) {
        String m = "{\"type\":\"track\",\"userId\":\"user_" + i + "\",\"event\":\"Played\",\"properties\":{\"pad\":\""
                + "x".repeat(padding) + "\"},\"messageId\":\"id-" + i + "\"}";
        return m.getBytes(StandardCharsets.UTF_8);
    }

    private List<LoggedRequest> batches() {
        List<LoggedRequest> all = new ArrayList<>(wm.findAll(postRequestedFor(urlEqualTo("/v1/batch"))));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    /** The uncompressed body as sent (whether or not WireMock already inflated it). */
    private static byte[] plainBody(LoggedRequest r) {
        byte[] b = r.getBody();
        if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    private static JsonNode body(LoggedRequest r) {
        try {
            return Json.parse(new String(plainBody(r), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(LoggedRequest r) {
        List<String> ids = new ArrayList<>();
        body(r).path("batch").forEach(m -> ids.add(m.path("messageId").asText()));
        return ids;
    }

    private static List<Delivery> all(List<CompletableFuture<Delivery>> futures) {
        List<Delivery> out = new ArrayList<>();
        futures.forEach(f -> out.add(f.join()));
        return out;
    }

    @Test
    void aBatchRequestIsGzippedJsonWithTheMessagesAndOneSentAt() {
        accept();
        SegmentBatcher b = batcher(manual());
        List<CompletableFuture<Delivery>> f = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            f.add(b.submit("id-" + i, message(i, 10), "input line " + i));
        }
        b.flush();
        List<Delivery> ds = all(f);

        List<LoggedRequest> sent = batches();
        assertEquals(1, sent.size());
        LoggedRequest r = sent.get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)),
                r.getHeader("Authorization"));
        assertEquals("gzip", r.getHeader("Content-Encoding"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        assertFalse(r.containsHeader("X-Retry-Count"));
        JsonNode body = body(r);
        assertEquals(List.of("id-1", "id-2", "id-3"), ids(r));
        assertEquals("user_2", body.path("batch").get(1).path("userId").asText());
        assertTrue(body.path("sentAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), body.toString());
        for (Delivery d : ds) {
            assertTrue(d.delivered(), d.toString());
            assertEquals(200, d.status());
            assertEquals(1, d.attempts());
            assertTrue(d.response().path("success").asBoolean());
        }
        assertEquals(message(2, 10).length, ds.get(1).bytes());
    }

    @Test
    void aBatchNeverHoldsMoreMessagesThanTheLimit() {
        accept();
        SegmentBatcher b = batcher(manual().withLimits(3, SegmentBatcher.MAX_BATCH_BYTES));
        List<CompletableFuture<Delivery>> f = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            f.add(b.submit("id-" + i, message(i, 5), "input line " + i));
        }
        b.flush();
        all(f).forEach(d -> assertTrue(d.delivered(), d.toString()));
        List<Integer> sizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LoggedRequest r : batches()) {
            sizes.add(ids(r).size());
            seen.addAll(ids(r));
        }
        sizes.sort(Comparator.reverseOrder());
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(7, seen.size());
    }

    @Test
    void segmentsOwnLimitOf2500MessagesSplitsABigBatch() {
        accept();
        SegmentBatcher b = batcher(manual());
        List<CompletableFuture<Delivery>> f = new ArrayList<>();
        for (int i = 1; i <= 2600; i++) {
            f.add(b.submit("id-" + i, message(i, 0), "input line " + i));
        }
        b.flush();
        all(f).forEach(d -> assertTrue(d.delivered(), d.toString()));
        List<Integer> sizes = new ArrayList<>();
        batches().forEach(r -> sizes.add(ids(r).size()));
        sizes.sort(Comparator.reverseOrder());
        assertEquals(List.of(2500, 100), sizes);
    }

    @Test
    void aBatchNeverPassesTheByteLimitAndFillsUpToIt() {
        accept();
        int limit = 1_000;
        SegmentBatcher b = batcher(manual().withLimits(SegmentBatcher.MAX_BATCH_MESSAGES, limit));
        int each = message(1, 200).length; // about 270 bytes: three fit with the envelope, four do not
        List<CompletableFuture<Delivery>> f = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            f.add(b.submit("id-" + i, message(i, 200), "input line " + i));
        }
        b.flush();
        all(f).forEach(d -> assertTrue(d.delivered(), d.toString()));
        List<LoggedRequest> sent = batches();
        int expectedPerBatch = (limit - SegmentBatcher.ENVELOPE_BYTES + 1) / (each + 1);
        assertEquals(3, expectedPerBatch);
        for (LoggedRequest r : sent) {
            assertTrue(plainBody(r).length <= limit, plainBody(r).length + " bytes");
        }
        List<Integer> sizes = new ArrayList<>();
        sent.forEach(r -> sizes.add(ids(r).size()));
        sizes.sort(Comparator.reverseOrder());
        assertEquals(List.of(3, 3, 3, 1), sizes);
    }

    @Test
    void segmentsOwnLimitOf500KilobytesSplitsABigBatch() {
        accept();
        SegmentBatcher b = batcher(manual());
        List<CompletableFuture<Delivery>> f = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            f.add(b.submit("id-" + i, message(i, 30_000), "input line " + i));
        }
        b.flush();
        all(f).forEach(d -> assertTrue(d.delivered(), d.toString()));
        int total = 0;
        for (LoggedRequest r : batches()) {
            int size = plainBody(r).length;
            assertTrue(size <= 500 * 1024, size + " bytes in one batch");
            assertTrue(size > 400 * 1024 || ids(r).size() < 16, "batches are filled up to the limit: " + size);
            total += ids(r).size();
        }
        assertEquals(40, total);
    }

    @Test
    void anOversizeMessageIsNamedWithItsLineAndNotSent() {
        assertNull(SegmentBatcher.oversize(32 * 1024, "Played", "input line 4"));
        String why = SegmentBatcher.oversize(32 * 1024 + 1, "Played", "input line 4");
        assertNotNull(why);
        assertTrue(why.contains("input line 4") && why.contains("32769 bytes") && why.contains("32768"), why);
    }

    @Test
    void aServerErrorIsRetriedWithTheSameMessageIdsAndARetryCount() {
        wm.stubFor(post(urlEqualTo("/v1/batch")).inScenario("500").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo("/v1/batch")).inScenario("500").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        SegmentBatcher b = batcher(manual());
        List<CompletableFuture<Delivery>> f = List.of(b.submit("id-1", message(1, 1), "input line 1"),
                b.submit("id-2", message(2, 1), "input line 2"));
        b.flush();
        for (Delivery d : all(f)) {
            assertTrue(d.delivered(), d.toString());
            assertEquals(2, d.attempts());
        }
        List<LoggedRequest> sent = batches();
        assertEquals(2, sent.size());
        assertEquals(ids(sent.get(0)), ids(sent.get(1)));
        assertFalse(sent.get(0).containsHeader("X-Retry-Count"));
        assertEquals("1", sent.get(1).getHeader("X-Retry-Count"));
        assertEquals(1, b.resent());
    }

    @Test
    void tooManyRequestsIsRetriedAfterItsRetryAfter() {
        wm.stubFor(post(urlEqualTo("/v1/batch")).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo("/v1/batch")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        SegmentBatcher b = batcher(manual());
        CompletableFuture<Delivery> f = b.submit("id-1", message(1, 1), "input line 1");
        b.flush();
        Delivery d = f.join();
        assertTrue(d.delivered(), d.toString());
        assertEquals(2, d.attempts());
        List<LoggedRequest> sent = batches();
        assertEquals(ids(sent.get(0)), ids(sent.get(1)));
        // The wait itself comes from RetryPolicy.retryAfter (tested with a clock), not from a timed assertion.
        assertEquals(Duration.ofSeconds(1), FAST.retryAfter("1", java.time.Instant.EPOCH));
    }

    @Test
    void aResetConnectionIsRetriedWithTheSameMessageIds() {
        wm.stubFor(post(urlEqualTo("/v1/batch")).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo("/v1/batch")).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        SegmentBatcher b = batcher(manual());
        CompletableFuture<Delivery> f = b.submit("id-1", message(1, 1), "input line 1");
        b.flush();
        Delivery d = f.join();
        assertTrue(d.delivered(), d.toString());
        assertEquals(2, d.attempts());
        List<LoggedRequest> sent = batches();
        assertEquals(2, sent.size());
        assertEquals(List.of("id-1"), ids(sent.get(1)));
        assertEquals("1", sent.get(1).getHeader("X-Retry-Count"));
    }

    @Test
    void aBatchThatKeepsFailingGivesUpAfterThePolicysAttempts() {
        wm.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(503)
                .withBody("{\"message\":\"down for " + KEY + "\"}")));
        SegmentBatcher b = batcher(manual());
        CompletableFuture<Delivery> f = b.submit("id-1", message(1, 1), "input line 1");
        b.flush();
        Delivery d = f.join();
        assertFalse(d.delivered());
        assertEquals(FAST.maxAttempts(), d.attempts());
        assertEquals(503, d.status());
        assertTrue(d.error().contains("after 4 attempts") && d.error().contains("503"), d.error());
        assertFalse(d.error().contains(KEY), "the write key leaked: " + d.error());
        assertEquals(FAST.maxAttempts(), batches().size());
    }

    @Test
    void aRefusedWriteKeyFailsTheBatchAtOnce() {
        wm.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(401)));
        SegmentBatcher b = batcher(manual());
        CompletableFuture<Delivery> f = b.submit("id-1", message(1, 1), "input line 1");
        b.flush();
        Delivery d = f.join();
        assertFalse(d.delivered());
        assertEquals(1, d.attempts());
        assertTrue(d.error().contains("write key"), d.error());
        assertEquals(1, batches().size());
    }

    @Test
    void aBatchRefusedAs400IsSplitUntilTheBadMessageFailsAloneAndTheRestArrive() {
        wm.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        wm.stubFor(post(urlEqualTo("/v1/batch")).withRequestBody(containing("poison")).willReturn(aResponse().withStatus(400)
                .withBody("{\"success\":false,\"message\":\"invalid message\"}")));
        SegmentBatcher b = batcher(manual());
        List<CompletableFuture<Delivery>> f = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            byte[] m = i == 6 ? ("{\"type\":\"track\",\"event\":\"poison\",\"messageId\":\"id-6\"}").getBytes(StandardCharsets.UTF_8)
                    : message(i, 3);
            f.add(b.submit("id-" + i, m, "input line " + i));
        }
        b.flush();
        List<Delivery> ds = all(f);
        for (int i = 0; i < 8; i++) {
            if (i == 5) {
                assertFalse(ds.get(i).delivered());
                assertEquals(400, ds.get(i).status());
                assertTrue(ds.get(i).error().contains("input line 6") && ds.get(i).error().contains("invalid message"),
                        ds.get(i).error());
            } else {
                assertTrue(ds.get(i).delivered(), i + ": " + ds.get(i));
            }
        }
        Set<String> delivered = new HashSet<>();
        for (LoggedRequest r : batches()) {
            if (!new String(plainBody(r), StandardCharsets.UTF_8).contains("poison")) {
                delivered.addAll(ids(r));
            }
        }
        assertEquals(Set.of("id-1", "id-2", "id-3", "id-4", "id-5", "id-7", "id-8"), delivered);
    }

    @Test
    void theLingerSendsAPartialBatchWithoutAFlush() {
        accept();
        SegmentBatcher b = batcher(manual().withLinger(Duration.ofMillis(10)));
        Delivery d = b.submit("id-1", message(1, 1), "input line 1").join();
        assertTrue(d.delivered(), d.toString());
    }

    @Test
    void aProducerThatWaitsWhileNoOtherIsActiveSendsAtOnce() {
        accept();
        SegmentBatcher b = new SegmentBatcher(KEY, wm.getRuntimeInfo().getHttpBaseUrl(), http, secrets, manual(), Clock.systemUTC(),
                () -> 0.5, () -> 1);
        made.add(b);
        Delivery d = b.deliver("id-1", message(1, 1), "input line 1");
        assertTrue(d.delivered(), d.toString());
    }

    @Test
    void aDryRunSendsNothingAndLogsAReadableBody() {
        SegmentBatcher b = new SegmentBatcher(KEY, "https://api.segment.io", http.withDryRun(true), secrets, manual(), Clock.systemUTC(),
                () -> 0.5, null);
        made.add(b);
        CompletableFuture<Delivery> f = b.submit("id-1", message(1, 1), "input line 1");
        b.flush();
        assertTrue(f.join().delivered());
        assertEquals(0, batches().size());
        String all = String.join("\n", log);
        assertTrue(all.contains("https://api.segment.io/v1/batch"), all);
        assertTrue(all.contains("\"messageId\":\"id-1\""), all);
        assertFalse(all.contains(KEY));
    }
}
