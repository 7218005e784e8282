package dev.xsrun.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.xsrun.value.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode through the command line: {@code xsrun run JOB --inputs FILE} against a WireMock stand-in
 * of Segment. Output order, failed lines, the report, retries and re-runs with the same messageIds.
 */
class BatchModeTest {
    private static final String KEY = "wk_batch_Vp93Rs";
    private static final String JOB = "jobs/segment-track-event";

    @RegisterExtension
    final WireMockExtension segment = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Cli run(String job, Path inputs, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", job, "--inputs", inputs.toString(), "--env", "segment_write_key=" + KEY,
                "--route", "https://api.segment.io=http://127.0.0.1:" + segment.getPort()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    /** A job folder holding one multidoc run.xs of these lines. */
    private Path job(String name, String... lines) throws IOException {
        Path job = Files.createDirectories(dir.resolve(name));
        Files.writeString(job.resolve("run.xs"), String.join("\n", lines));
        return job;
    }

    private Path lines(String... lines) throws IOException {
        Path f = dir.resolve("events.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private static String event(int i) {
        return "{\"user_id\":\"u" + i + "\",\"event\":\"Video Watched\",\"properties\":{\"n\":" + i + "}}";
    }

    private void accept() {
        segment.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
    }

    private static List<String> outLines(Cli r) {
        List<String> out = new ArrayList<>();
        for (String l : r.out.split("\n")) {
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message that reached the stand-in, in the order the requests arrived. */
    private List<JsonNode> received() {
        List<JsonNode> all = new ArrayList<>();
        List<LoggedRequest> requests = new ArrayList<>(segment.findAll(postRequestedFor(urlEqualTo("/v1/batch"))));
        requests.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        for (LoggedRequest r : requests) {
            json(plain(r)).path("batch").forEach(all::add);
        }
        return all;
    }

    private static String plain(LoggedRequest r) {
        byte[] b = r.getBody();
        if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Set<String> ids(List<JsonNode> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.path("messageId").asText()));
        return ids;
    }

    private List<JsonNode> report(Path f) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            out.add(json(l));
        }
        return out;
    }

    @Test
    void resultsComeInInputOrderEachWithSegmentsAnswer() throws IOException {
        segment.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(200).withUniformRandomDelay(1, 40)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        String[] events = new String[40];
        for (int i = 0; i < events.length; i++) {
            events[i] = event(i + 1);
        }
        Cli r = run(JOB, lines(events), "--concurrency", "6");
        assertEquals(0, r.exit, r.toString());
        List<String> out = outLines(r);
        assertEquals(40, out.size(), r.toString());
        for (int i = 0; i < out.size(); i++) {
            JsonNode result = json(out.get(i));
            assertEquals("u" + (i + 1), result.path("user_id").asText(), "line " + (i + 1) + ": " + out.get(i));
            assertEquals(i + 1, result.path("properties").path("n").asInt());
            assertTrue(result.path("segment_response").path("success").asBoolean(), out.get(i));
            assertFalse(out.get(i).contains("\n  "), "results are compact JSON");
        }
        List<JsonNode> sent = received();
        assertEquals(40, sent.size());
        assertEquals(40, ids(sent).size());
        assertTrue(segment.findAll(postRequestedFor(urlEqualTo("/v1/batch"))).size() > 1, "6 runs at once cannot fill one batch");
        assertEquals(0, segment.findAll(postRequestedFor(urlEqualTo("/v1/track"))).size());
        assertTrue(r.err.contains("40 ok, 0 failed"), r.err);
        assertTrue(r.err.contains("events/s"), r.err);
    }

    /**
     * The job is the built-in alone: runs hand their message over without waiting, so batches fill up
     * (hundreds of messages a request) instead of going each time the few pool threads are all waiting.
     */
    @Test
    void theBuiltinAloneFillsBatchesWithoutWaiting() throws IOException {
        accept();
        String[] events = new String[300];
        for (int i = 0; i < events.length; i++) {
            events[i] = event(i + 1);
        }
        Cli r = run(JOB, lines(events));
        assertEquals(0, r.exit, r.toString());
        assertEquals(300, outLines(r).size());
        assertEquals(300, ids(received()).size());
        int requests = segment.findAll(postRequestedFor(urlEqualTo("/v1/batch"))).size();
        // one request when the input is read before the 200 ms linger ends; a few when the JVM is slow
        assertTrue(requests <= 5, requests + " requests for 300 events");
    }

    @Test
    void malformedLinesAreNamedAndCountedAsFailedWhileTheOthersRun() throws IOException {
        accept();
        Path in = lines(event(1), "{\"user_id\": \"u2\",", "[1, 2]", "   ", event(5));
        Path report = dir.resolve("report.jsonl");
        Cli r = run(JOB, in, "--report", report.toString());
        assertEquals(69, r.exit, r.toString());
        List<String> out = outLines(r);
        assertEquals(4, out.size(), r.toString());
        assertEquals("u1", json(out.get(0)).path("user_id").asText());
        JsonNode bad = json(out.get(1));
        assertEquals(2, bad.path("line").asInt());
        assertEquals("ERROR_CODE_INPUT_ERROR", bad.path("error").path("code").asText());
        assertEquals(65, bad.path("error").path("exit").asInt());
        assertTrue(bad.path("error").path("message").asText().contains("not valid JSON"), out.get(1));
        assertEquals(3, json(out.get(2)).path("line").asInt());
        assertTrue(json(out.get(2)).path("error").path("message").asText().contains("not a JSON object"), out.get(2));
        assertEquals("u5", json(out.get(3)).path("user_id").asText());
        assertTrue(r.err.contains("events.jsonl:2: input line 2 is not valid JSON"), r.err);
        assertTrue(r.err.contains("events.jsonl:3: "), r.err);
        assertTrue(r.err.contains("2 ok, 2 failed"), r.err);
        assertEquals(2, received().size());

        List<JsonNode> rep = report(report);
        assertEquals(List.of(1, 2, 3, 5), List.of(rep.get(0).path("line").asInt(), rep.get(1).path("line").asInt(),
                rep.get(2).path("line").asInt(), rep.get(3).path("line").asInt()));
        assertEquals("failed", rep.get(1).path("status").asText());
        assertTrue(rep.get(1).path("message_id").isNull());
        assertEquals(0, rep.get(1).path("attempts").asInt());
        assertTrue(rep.get(1).path("error").path("message").asText().contains("not valid JSON"));
    }

    @Test
    void theReportNamesEachLinesMessageIdBytesAttemptsAndStatus() throws IOException {
        accept();
        Path report = dir.resolve("report.jsonl");
        Cli r = run(JOB, lines(event(1), event(2), event(3)), "--report", report.toString());
        assertEquals(0, r.exit, r.toString());
        List<JsonNode> rep = report(report);
        assertEquals(3, rep.size());
        Set<String> sent = ids(received());
        for (int i = 0; i < 3; i++) {
            JsonNode l = rep.get(i);
            assertEquals(i + 1, l.path("line").asInt());
            assertEquals("delivered", l.path("status").asText());
            assertTrue(sent.contains(l.path("message_id").asText()), l.toString());
            assertEquals(1, l.path("messages").asInt());
            assertTrue(l.path("bytes").asInt() > 100, l.toString());
            assertEquals(1, l.path("attempts").asInt());
            assertEquals(200, l.path("http_status").asInt());
            assertTrue(l.path("error").isNull());
        }
        assertTrue(r.err.contains("report in " + report), r.err);
    }

    @Test
    void runningTheSameCommandAgainSendsTheSameMessageIds() throws IOException {
        accept();
        Path in = lines(event(1), event(2), event(1));
        assertEquals(0, run(JOB, in).exit);
        List<JsonNode> first = received();
        segment.resetRequests();
        assertEquals(0, run(JOB, in).exit);
        List<JsonNode> second = received();
        assertEquals(3, ids(first).size(), "identical lines at different positions are different events");
        assertEquals(ids(first), ids(second));

        Files.writeString(in, String.join("\n", event(1), event(22), event(1)) + "\n");
        segment.resetRequests();
        assertEquals(0, run(JOB, in).exit);
        Set<String> third = ids(received());
        Set<String> kept = new HashSet<>(third);
        kept.retainAll(ids(first));
        assertEquals(2, kept.size(), "only the edited line gets a new messageId");
        for (JsonNode m : first) {
            assertTrue(m.path("messageId").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                    m.path("messageId").asText());
        }
    }

    @Test
    void aServerErrorIsRetriedWithTheSameMessageIdsAndEveryLineSucceeds() throws IOException {
        failFirstAttempts(500, 0);
        Path report = dir.resolve("report.jsonl");
        Cli r = run(JOB, lines(event(1), event(2)), "--report", report.toString());
        assertEquals(0, r.exit, r.toString());
        assertRetriesCarriedTheSameMessages();
        for (JsonNode l : report(report)) {
            assertEquals(2, l.path("attempts").asInt());
            assertEquals("delivered", l.path("status").asText());
        }
        assertTrue(r.err.contains("2 ok, 0 failed, 2 retried"), r.err);
    }

    /**
     * Every first attempt of a batch is answered {@code status}, every retry 200 (after up to
     * {@code delayMs}): by header rather than by a scenario, since concurrent batches race through
     * WireMock's scenario states.
     */
    private void failFirstAttempts(int status, int delayMs) {
        segment.stubFor(post(urlEqualTo("/v1/batch")).withHeader("X-Retry-Count", absent())
                .willReturn(aResponse().withStatus(status)));
        segment.stubFor(post(urlEqualTo("/v1/batch")).withHeader("X-Retry-Count", equalTo("1"))
                .willReturn(aResponse().withStatus(200).withUniformRandomDelay(0, Math.max(1, delayMs))
                        .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
    }

    /** Each batch was sent twice, and the retry carried exactly the messageIds of the first attempt. */
    private void assertRetriesCarriedTheSameMessages() {
        List<Set<String>> first = new ArrayList<>();
        List<Set<String>> retried = new ArrayList<>();
        for (LoggedRequest req : segment.findAll(postRequestedFor(urlEqualTo("/v1/batch")))) {
            List<JsonNode> batch = new ArrayList<>();
            json(plain(req)).path("batch").forEach(batch::add);
            (req.containsHeader("X-Retry-Count") ? retried : first).add(ids(batch));
        }
        assertFalse(first.isEmpty());
        assertEquals(new HashSet<>(first), new HashSet<>(retried));
        assertEquals(first.size(), retried.size());
    }

    @Test
    void anOversizeEventFailsAloneNamingItsLine() throws IOException {
        accept();
        String big = "{\"user_id\":\"u2\",\"event\":\"Huge\",\"properties\":{\"blob\":\"" + "x".repeat(40_000) + "\"}}";
        Cli r = run(JOB, lines(event(1), big, event(3)));
        assertEquals(69, r.exit, r.toString());
        List<String> out = outLines(r);
        assertEquals(3, out.size());
        JsonNode error = json(out.get(1)).path("error");
        assertEquals(2, json(out.get(1)).path("line").asInt());
        assertTrue(error.path("message").asText().contains("input line 2"), out.get(1));
        assertTrue(error.path("message").asText().contains("32768"), out.get(1));
        assertEquals(65, error.path("exit").asInt());
        assertTrue(r.err.contains("events.jsonl:2: "), r.err);
        List<JsonNode> sent = received();
        assertEquals(2, sent.size());
        sent.forEach(m -> assertNotEquals("Huge", m.path("event").asText()));
    }

    @Test
    void aRefusedWriteKeyFailsEveryLineWithExit69AndNeverShowsTheKey() throws IOException {
        segment.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(401)
                .withBody("{\"success\":false,\"message\":\"Invalid write key " + KEY + "\"}")));
        Path report = dir.resolve("report.jsonl");
        Cli r = run(JOB, lines(event(1), event(2)), "--report", report.toString());
        assertEquals(69, r.exit, r.toString());
        for (String l : outLines(r)) {
            assertEquals(69, json(l).path("error").path("exit").asInt(), l);
            assertTrue(l.contains("write key"), l);
        }
        String everything = r.all() + Files.readString(report);
        assertFalse(everything.contains(KEY), everything);
        assertFalse(everything.contains(Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aJobThatTracksTwicePerLineGivesEachCallItsOwnId() throws IOException {
        accept();
        Path job = job("twice",
                "run.job \"Track twice\" {",
                "  main = {name: \"track_twice\", input: {}}",
                "  env = [\"segment_write_key\"]",
                "}",
                "---",
                "function \"track_twice\" {",
                "  input {",
                "    text user_id",
                "  }",
                "  stack {",
                "    function.run \"segment_track_event\" { input = {user_id: $input.user_id, event: \"Started\"} } as $a",
                "    function.run \"segment_track_event\" { input = {user_id: $input.user_id, event: \"Finished\"} } as $b",
                "  }",
                "  response = {first: $a.event, second: $b.event}",
                "}");
        Path report = dir.resolve("report.jsonl");
        Cli r = run(job.resolve("run.xs").toString(), lines("{\"user_id\":\"a\"}", "{\"user_id\":\"b\"}"), "--report", report.toString());
        assertEquals(0, r.exit, r.toString());
        assertEquals("{\"first\":\"Started\",\"second\":\"Finished\"}", outLines(r).get(0));
        assertEquals(4, ids(received()).size());
        assertEquals(2, report(report).get(0).path("messages").asInt());
    }

    @Test
    void runsThatCallTheBuiltInFromXanoScriptWaitForTheirBatchAndKeepTheirOrder() throws IOException {
        failFirstAttempts(503, 30);
        Path job = job("wrapped",
                "run.job \"Track and answer\" {",
                "  main = {name: \"track_and_answer\", input: {}}",
                "  env = [\"segment_write_key\"]",
                "}",
                "---",
                "function \"track_and_answer\" {",
                "  input {",
                "    text user_id",
                "  }",
                "  stack {",
                "    function.run \"segment_track_event\" { input = {user_id: $input.user_id, event: \"Seen\"} } as $sent",
                "  }",
                "  response = {user: $input.user_id, accepted: $sent.segment_response.success}",
                "}");
        String[] users = new String[30];
        for (int i = 0; i < users.length; i++) {
            users[i] = "{\"user_id\":\"w" + (i + 1) + "\"}";
        }
        Cli r = run(job.resolve("run.xs").toString(), lines(users), "--concurrency", "5");
        assertEquals(0, r.exit, r.toString());
        List<String> out = outLines(r);
        assertEquals(30, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals("{\"user\":\"w" + (i + 1) + "\",\"accepted\":true}", out.get(i));
        }
        assertEquals(30, ids(received()).size());
        assertRetriesCarriedTheSameMessages();
    }

    @Test
    void eachLinesSensitiveInputsAreMaskedInWhatThatLinePrints() throws IOException {
        Path job = job("sensitive",
                "run.job \"Sensitive\" {",
                "  main = {name: \"greet\", input: {}}",
                "}",
                "---",
                "function \"greet\" {",
                "  input {",
                "    text name",
                "    text token {",
                "      sensitive = true",
                "    }",
                "  }",
                "  stack {",
                "    debug.log { value = \"token is \" ~ $input.token }",
                "    api.request {",
                "      url = \"https://api.example.test/v1/check\"",
                "      method = \"post\"",
                "      params = {token: $input.token}",
                "      headers = [\"Authorization: Bearer \" ~ $input.token]",
                "    } as $checked",
                "    precondition ($input.name != \"fail\") {",
                "      error = \"refused token \" ~ $input.token",
                "    }",
                "  }",
                "  response = {name: $input.name, token: $input.token, length: $input.token|strlen}",
                "}");
        Path report = dir.resolve("report.jsonl");
        Cli r = run(job.toString(), lines("{\"name\":\"ann\",\"token\":\"tok-ann-0001\"}",
                "{\"name\":\"fail\",\"token\":\"tok-bob-0002\"}", "{\"name\":\"cy\",\"token\":\"tok-cy-0003\"}"),
                "--report", report.toString(), "--dry-run");
        assertEquals(69, r.exit, r.toString()); // a line failed
        String printed = r.all() + Files.readString(report);
        for (String token : List.of("tok-ann-0001", "tok-bob-0002", "tok-cy-0003")) {
            assertFalse(printed.contains(token), token + " printed:\n" + printed);
        }
        List<String> out = outLines(r);
        assertEquals("{\"name\":\"ann\",\"token\":\"****\",\"length\":12}", out.get(0));
        assertTrue(out.get(1).contains("refused token ****"), out.get(1));
        assertTrue(r.err.contains("token is ****"), r.err);
        assertTrue(r.err.contains("Authorization: Bearer ****"), r.err); // the dry run's printed request
    }

    @Test
    void aPureComputationJobRunsInBatchModeToo() throws IOException {
        Path in = lines("{}", "{\"coupon\": \"\"}", "{\"customer\": \"  Grace Hopper \"}");
        Cli r = Cli.run("run", "examples/order-summary", "--inputs", in.toString());
        assertEquals(0, r.exit, r.toString());
        List<String> out = outLines(r);
        assertEquals(3, out.size());
        JsonNode expected = json(Files.readString(Path.of("examples/order-summary/expected.json")));
        assertEquals(expected, json(out.get(0)));
        assertEquals(0.0, json(out.get(1)).path("discount").asDouble());
        assertEquals("Grace Hopper", json(out.get(2)).path("customer").asText());
        assertEquals(0, segment.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aJobErrorOnOneLineIsReportedWithItsPlaceAndTheRestRun() throws IOException {
        Path in = lines("{}", "{\"items\": []}", "{}");
        Cli r = Cli.run("run", "examples/order-summary", "--inputs", in.toString());
        assertEquals(69, r.exit, r.toString());
        List<String> out = outLines(r);
        assertEquals(3, out.size());
        assertEquals(2, json(out.get(1)).path("line").asInt());
        assertEquals(65, json(out.get(1)).path("error").path("exit").asInt(), out.get(1));
        assertTrue(r.err.contains("events.jsonl:2: "), r.err);
        assertTrue(r.err.contains("2 ok, 1 failed"), r.err);
    }

    @Test
    void aDryRunSendsNothingAndShowsTheBatchRequest() throws IOException {
        Cli r = Cli.run("run", JOB, "--inputs", lines(event(1), event(2)).toString(), "--dry-run");
        assertEquals(0, r.exit, r.toString());
        assertEquals(2, outLines(r).size());
        assertTrue(r.err.contains("POST https://api.segment.io/v1/batch"), r.err);
        assertEquals(0, segment.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aTimeoutStopsTheBatchReportingTheLinesThatDidNotFinish() throws IOException {
        segment.stubFor(post(urlEqualTo("/v1/batch")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withBody("{\"success\":true}")));
        Path report = dir.resolve("report.jsonl");
        Cli r = run(JOB, lines(event(1), event(2)), "--timeout", "500ms", "--report", report.toString());
        assertEquals(75, r.exit, r.toString());
        List<String> out = outLines(r);
        assertEquals(2, out.size(), r.toString());
        for (String l : out) {
            assertEquals(75, json(l).path("error").path("exit").asInt(), l);
        }
        assertTrue(r.err.contains("stopped by --timeout after 500ms"), r.err);
        assertEquals(2, report(report).size());
    }

    @Test
    void batchOptionsAreCheckedBeforeAnythingRuns() throws IOException {
        Path in = lines(event(1));
        assertEquals(2, Cli.run("run", JOB, "--report", dir.resolve("r.jsonl").toString()).exit);
        assertEquals(2, Cli.run("run", JOB, "--concurrency", "4").exit);
        assertEquals(2, Cli.run("run", JOB, "--inputs", dir.resolve("missing.jsonl").toString()).exit);
        assertEquals(2, Cli.run("run", JOB, "--inputs", in.toString(), "--concurrency", "0").exit);
        assertEquals(2, Cli.run("run", JOB, "--inputs", in.toString(), "--report", dir.resolve("no/such/dir/r.jsonl").toString()).exit);
        assertEquals(0, segment.findAll(anyRequestedFor(anyUrl())).size());
    }
}
