package dev.xsrun.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpExecutorTest {
    @RegisterExtension
    final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private String http() {
        return wm.getRuntimeInfo().getHttpBaseUrl();
    }

    private final dev.xsrun.value.Secrets secrets = new dev.xsrun.value.Secrets();

    private HttpOptions options() {
        return HttpOptions.defaults().withLog(log::add).withWarn(warnings::add);
    }

    private static ObjectNode attrs(String json) throws Exception {
        return (ObjectNode) Json.parse(json);
    }

    private ObjectNode run(HttpOptions o, ObjectNode attrs) {
        return new HttpExecutor(o, secrets).execute(attrs);
    }

    private LoggedRequest only() {
        List<LoggedRequest> all = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertEquals(1, all.size(), "requests received");
        return all.get(0);
    }

    @Test
    void getParamsBecomePhpQueryString() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
        ObjectNode a = attrs("{\"url\":\"" + http() + "/search?k=1\",\"method\":\"get\",\"params\":"
                + "{\"q\":\"a b&c/é\",\"n\":5,\"d\":1.5,\"t\":true,\"f\":false,\"z\":null,\"nested\":{\"x\":\"1\"},"
                + "\"list\":[\"a\",\"b\"],\"empty\":[]}}");
        ObjectNode r = run(options(), a);

        String query = "q=a+b%26c%2F%C3%A9&n=5&d=1.5&t=1&f=0&nested%5Bx%5D=1&list%5B0%5D=a&list%5B1%5D=b";
        LoggedRequest got = only();
        assertEquals("GET", got.getMethod().getName());
        assertEquals("/search?k=1&" + query, got.getUrl());
        assertTrue(got.getBodyAsString().isEmpty());
        assertFalse(got.containsHeader("Content-Type"));

        assertEquals(http() + "/search?k=1&" + query, r.at("/request/url").asText());
        assertEquals("GET", r.at("/request/method").asText());
        assertEquals(a.get("params"), r.at("/request/params"));
        assertEquals(200, r.at("/response/status").asInt());
        assertEquals("HTTP/1.1 200", r.at("/response/headers/0").asText());
        assertTrue(r.at("/response/result/ok").asBoolean());
    }

    @Test
    void postSendsJsonAndAddsContentType() throws Exception {
        wm.stubFor(post("/contacts").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody("{\"id\":7}")));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/contacts\",\"method\":\"POST\","
                + "\"params\":{\"email\":\"a@b.test\",\"tags\":[\"trial\"],\"n\":3,\"x\":null,\"o\":{}},"
                + "\"headers\":[\"Authorization: Bearer tok\",null,\"X-Time: 12:30:01\"]}"));

        LoggedRequest got = only();
        assertEquals("POST", got.getMethod().getName());
        assertEquals("application/json", got.getHeader("Content-Type"));
        assertEquals("Bearer tok", got.getHeader("Authorization"));
        assertEquals("12:30:01", got.getHeader("X-Time"));
        JsonNode body = Json.parse(got.getBodyAsString());
        assertEquals("a@b.test", body.get("email").asText());
        assertEquals("trial", body.get("tags").get(0).asText());
        assertEquals(1, body.get("tags").size());
        assertEquals(3, body.get("n").asInt());
        assertTrue(body.get("x").isNull());
        assertTrue(body.get("o").isObject() && body.get("o").isEmpty());
        assertEquals("{\"email\":\"a@b.test\",\"tags\":[\"trial\"],\"n\":3,\"x\":null,\"o\":{}}", got.getBodyAsString());

        assertEquals(List.of("Authorization: Bearer tok", "X-Time: 12:30:01", "Content-Type: application/json"),
                texts(r.at("/request/headers")));
        assertEquals(201, r.at("/response/status").asInt());
        assertEquals(7, r.at("/response/result/id").asInt());
    }

    @Test
    void formUrlencodedWhenContentTypeSaysSo() throws Exception {
        wm.stubFor(post("/form").willReturn(aResponse().withStatus(200)));
        run(options(), attrs("{\"url\":\"" + http() + "/form\",\"method\":\"POST\","
                + "\"params\":{\"grant_type\":\"client_credentials\",\"scope\":\"read write\",\"a\":{\"b\":true}},"
                + "\"headers\":[\"Content-Type: application/x-www-form-urlencoded\"]}"));
        LoggedRequest got = only();
        assertEquals("application/x-www-form-urlencoded", got.getHeader("Content-Type"));
        assertEquals("grant_type=client_credentials&scope=read+write&a%5Bb%5D=1", got.getBodyAsString());
    }

    @Test
    void multipartWhenContentTypeSaysSo() throws Exception {
        wm.stubFor(post("/upload").willReturn(aResponse().withStatus(200)));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/upload\",\"method\":\"POST\","
                + "\"params\":{\"name\":\"x y\",\"n\":2},\"headers\":[\"Content-Type: multipart/form-data\"]}"));
        LoggedRequest got = only();
        String ct = got.getHeader("Content-Type");
        assertTrue(ct.startsWith("multipart/form-data; boundary="), ct);
        String boundary = ct.substring(ct.indexOf("boundary=") + 9);
        assertEquals("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx y\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n2\r\n"
                + "--" + boundary + "--\r\n", got.getBodyAsString());
        assertEquals("Content-Type: " + ct, r.at("/request/headers/0").asText());
    }

    @Test
    void stringParamsAreSentAsIs() throws Exception {
        wm.stubFor(post("/raw").willReturn(aResponse().withStatus(200)));
        run(options(), attrs("{\"url\":\"" + http() + "/raw\",\"method\":\"PUT\",\"params\":\"<x>1</x>\","
                + "\"headers\":\"Content-Type: text/xml\"}"));
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        LoggedRequest got = only();
        assertEquals("PUT", got.getMethod().getName());
        assertEquals("text/xml", got.getHeader("Content-Type"));
        assertEquals("<x>1</x>", got.getBodyAsString());
    }

    @Test
    void emptyParamsWithoutContentTypeSendNoBody() throws Exception {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/x\",\"method\":\"delete\"}"));
        LoggedRequest got = only();
        assertEquals("DELETE", got.getMethod().getName());
        assertEquals(0, got.getBody().length);
        assertFalse(got.containsHeader("Content-Type"));
        assertEquals(0, r.at("/request/headers").size());
        assertEquals(204, r.at("/response/status").asInt());
        assertTrue(r.at("/response/result").isNull());
    }

    @Test
    void headersAsObjectAreAccepted() throws Exception {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        run(options(), attrs("{\"url\":\"" + http() + "/h\",\"headers\":{\"X-One\":\"1\",\"X-Null\":null,\"X-Two\":2}}"));
        LoggedRequest got = only();
        assertEquals("1", got.getHeader("X-One"));
        assertEquals("2", got.getHeader("X-Two"));
        assertFalse(got.containsHeader("X-Null"));
    }

    @Test
    void headerLineWithoutColonIsIgnoredWithAWarning() throws Exception {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/h\",\"headers\":[\"nonsense\",\"X-A: b\"]}"));
        assertEquals(List.of("X-A: b"), texts(r.at("/request/headers")));
        assertEquals(1, warnings.size());
    }

    @Test
    void non2xxIsDataNotAnError() throws Exception {
        wm.stubFor(get("/missing").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Not Found\"}")));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/missing\"}"));
        assertEquals(404, r.at("/response/status").asInt());
        assertEquals("HTTP/1.1 404", r.at("/response/headers/0").asText());
        assertTrue(texts(r.at("/response/headers")).contains("content-type: application/problem+json"), r.at("/response/headers").toString());
        assertEquals("Not Found", r.at("/response/result/title").asText());
    }

    @Test
    void textBodiesStayText() throws Exception {
        wm.stubFor(get("/text").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("42")));
        wm.stubFor(get("/badjson").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{not json")));
        wm.stubFor(get("/empty").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        assertEquals(Values.of("42"), run(options(), attrs("{\"url\":\"" + http() + "/text\"}")).at("/response/result"));
        assertEquals(Values.of("{not json"), run(options(), attrs("{\"url\":\"" + http() + "/badjson\"}")).at("/response/result"));
        assertTrue(run(options(), attrs("{\"url\":\"" + http() + "/empty\"}")).at("/response/result").isNull());
    }

    @Test
    void connectionRefusedIsAServiceError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        XsError e = assertThrows(XsError.class,
                () -> run(options(), attrs("{\"url\":\"http://127.0.0.1:" + port + "/x?token=abc\"}")));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertEquals("Could not connect to http://127.0.0.1:" + port + "/x: connection refused", e.getMessage());
    }

    @Test
    void slowAnswerTimesOut() throws Exception {
        wm.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        long t0 = System.nanoTime();
        XsError e = assertThrows(XsError.class,
                () -> run(options(), attrs("{\"url\":\"" + http() + "/slow\",\"timeout\":1}")));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertEquals("Operation timed out after 1000 milliseconds", e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2900, "gave up before the answer came");
    }

    @Test
    void connectionResetIsAServiceError() throws Exception {
        wm.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        XsError e = assertThrows(XsError.class, () -> run(options(), attrs("{\"url\":\"" + http() + "/reset\"}")));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertTrue(e.getMessage().startsWith("Connection to " + http() + "/reset failed"), e.getMessage());
    }

    @Test
    void onlyHttpAndHttpsUrls() throws Exception {
        XsError e = assertThrows(XsError.class, () -> run(options(), attrs("{\"url\":\"ftp://files.example.test/a\"}")));
        assertEquals(XsError.Kind.RUNTIME, e.kind());
        assertEquals("api.request supports only http and https URLs, not ftp: ftp://files.example.test/a", e.getMessage());
        XsError none = assertThrows(XsError.class, () -> run(options(), attrs("{\"url\":\"\"}")));
        assertEquals("api.request needs a url", none.getMessage());
        assertTrue(wm.getAllServeEvents().isEmpty());
    }

    @Test
    void routesRewriteThePrefixButTheResultShowsTheOriginalUrl() throws Exception {
        wm.stubFor(get("/v2/contacts?page=2").willReturn(aResponse().withStatus(200).withBody("routed")));
        HttpOptions o = options().withRoutes(List.of(
                Route.parse("https://other.example.test=http://127.0.0.1:1"),
                Route.parse("https://api.example.test=" + http()),
                Route.parse("https://api.example.test/v2=http://127.0.0.1:1")));
        ObjectNode r = run(o, attrs("{\"url\":\"https://api.example.test/v2/contacts\",\"params\":{\"page\":2}}"));
        assertEquals("/v2/contacts?page=2", only().getUrl());
        assertEquals("https://api.example.test/v2/contacts?page=2", r.at("/request/url").asText());
        assertEquals("routed", r.at("/response/result").asText());
    }

    @Test
    void dryRunSendsNothingAndLogsMasked() throws Exception {
        HttpOptions o = options().withDryRun(true);
        secrets.add("tok-123456");
        ObjectNode r = run(o, attrs("{\"url\":\"" + http() + "/crm?key=tok-123456\",\"method\":\"POST\","
                + "\"params\":{\"token\":\"tok-123456\"},\"headers\":[\"X-Api: tok-123456\",\"Authorization: Bearer unregistered\"]}"));
        assertTrue(wm.getAllServeEvents().isEmpty(), "nothing sent");
        assertEquals(200, r.at("/response/status").asInt());
        assertTrue(r.at("/response/result/dry_run").asBoolean());
        String all = String.join("\n", log);
        assertFalse(all.contains("tok-123456"), all);
        assertFalse(all.contains("unregistered"), all);
        assertTrue(all.contains("[dry-run] POST " + http() + "/crm?key=****"), all);
        assertTrue(all.contains("Authorization: Bearer ****"), all);
        assertTrue(all.contains("body: {\"token\":\"****\"}"), all);
    }

    @Test
    void dryRunAnswersSegmentHostsLikeSegment() throws Exception {
        ObjectNode r = run(options().withDryRun(true),
                attrs("{\"url\":\"https://events.eu1.segmentapis.com/v1/track\",\"method\":\"POST\",\"params\":{\"a\":1}}"));
        assertTrue(r.at("/response/result/success").asBoolean());
    }

    @Test
    void redirectsAreFollowedAndPostBecomesGet() throws Exception {
        wm.stubFor(post("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new?x=1")));
        wm.stubFor(get("/new?x=1").willReturn(aResponse().withStatus(200).withBody("here")));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/old\",\"method\":\"POST\",\"params\":{\"a\":1}}"));
        assertEquals(200, r.at("/response/status").asInt());
        assertEquals("here", r.at("/response/result").asText());
        List<LoggedRequest> reqs = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertEquals(2, reqs.size());
        LoggedRequest second = reqs.stream().filter(q -> q.getUrl().startsWith("/new")).findFirst().orElseThrow();
        assertEquals("GET", second.getMethod().getName());
        assertEquals(0, second.getBody().length);
    }

    @Test
    void followLocationFalseReturnsTheRedirect() throws Exception {
        wm.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/old\",\"follow_location\":false}"));
        assertEquals(301, r.at("/response/status").asInt());
        assertEquals(1, wm.getAllServeEvents().size());
    }

    @Test
    void redirectLoopsStopAfterTen() throws Exception {
        wm.stubFor(get("/loop").willReturn(aResponse().withStatus(307).withHeader("Location", "/loop")));
        XsError e = assertThrows(XsError.class, () -> run(options(), attrs("{\"url\":\"" + http() + "/loop\"}")));
        assertEquals("Maximum (10) redirects followed", e.getMessage());
        assertEquals(11, wm.getAllServeEvents().size());
    }

    @Test
    void credentialsAreDroppedWhenARedirectChangesOrigin() throws Exception {
        String https = wm.getRuntimeInfo().getHttpsBaseUrl();
        wm.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", https + "/b")));
        wm.stubFor(get("/b").willReturn(aResponse().withStatus(200)));
        run(options(), attrs("{\"url\":\"" + http() + "/a\",\"verify_peer\":false,"
                + "\"headers\":[\"Authorization: Bearer t0k3n\",\"X-Keep: yes\"]}"));
        LoggedRequest b = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/b"))).get(0);
        assertFalse(b.containsHeader("Authorization"));
        assertEquals("yes", b.getHeader("X-Keep"));
    }

    @Test
    void selfSignedCertificateIsRefusedUnlessVerifyPeerIsOff() throws Exception {
        wm.stubFor(get("/tls").willReturn(aResponse().withStatus(200).withBody("secure")));
        String url = wm.getRuntimeInfo().getHttpsBaseUrl() + "/tls";
        XsError e = assertThrows(XsError.class, () -> run(options(), attrs("{\"url\":\"" + url + "\"}")));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertTrue(e.getMessage().equals("TLS handshake with localhost failed: the server's certificate is not trusted"), e.getMessage());

        ObjectNode r = run(options(), attrs("{\"url\":\"" + url + "\",\"verify_peer\":false}"));
        assertEquals("secure", r.at("/response/result").asText());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("verify_peer = false"), warnings.get(0));
    }

    @Test
    void oversizeBodiesAreRefused() throws Exception {
        wm.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(5000))));
        XsError e = assertThrows(XsError.class,
                () -> run(options().withMaxBodyBytes(1000), attrs("{\"url\":\"" + http() + "/big\"}")));
        assertEquals(XsError.Kind.SERVICE, e.kind());
        assertEquals("Response body from " + http() + "/big exceeds the limit of 1000 bytes", e.getMessage());
    }

    @Test
    void verboseLogsRequestAndResponseLines() throws Exception {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
        HttpOptions o = options().withVerbose(true);
        secrets.add("s3cr3t-value");
        run(o, attrs("{\"url\":\"" + http() + "/v\",\"params\":{\"k\":\"s3cr3t-value\"}}"));
        assertEquals(2, log.size(), log.toString());
        assertEquals("> GET " + http() + "/v?k=****", log.get(0));
        assertTrue(log.get(1).matches("< HTTP/1\\.1 200 in \\d+ ms \\[2 bytes]"), log.get(1));
    }

    @Test
    void headRequestsHaveNoBodyAndNullResult() throws Exception {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("X-Len", "9")));
        ObjectNode r = run(options(), attrs("{\"url\":\"" + http() + "/h\",\"method\":\"head\",\"params\":{\"a\":\"b\"}}"));
        assertEquals("HEAD", only().getMethod().getName());
        assertEquals("/h?a=b", only().getUrl());
        assertTrue(r.at("/response/result").isNull());
    }

    @Test
    void illegalUrlCharactersAreEscaped() throws Exception {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        run(options(), attrs("{\"url\":\"" + http() + "/a b/é?q=x y#frag\"}"));
        assertEquals("/a%20b/%C3%A9?q=x%20y", only().getUrl());
        assertNull(null);
    }

    @Test
    void restrictedHeadersAreLeftToTheClientAndInvalidOnesAreErrors() throws Exception {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        run(options(), attrs("{\"url\":\"" + http() + "/r\",\"method\":\"POST\",\"params\":{\"a\":1},"
                + "\"headers\":[\"Content-Length: 999\",\"Connection: close\"]}"));
        assertEquals("7", only().getHeader("Content-Length"));
        XsError e = assertThrows(XsError.class,
                () -> run(options(), attrs("{\"url\":\"" + http() + "/r\",\"headers\":[\"Bad Name: x\"]}")));
        assertEquals(XsError.Kind.RUNTIME, e.kind());
        assertTrue(e.getMessage().startsWith("api.request: Invalid request: "), e.getMessage());
        assertEquals(1, wm.getAllServeEvents().size());
    }

    @Test
    void transportMessagesAreMasked() throws Exception {
        HttpOptions o = options();
        secrets.add("127.0.0.1");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        XsError e = assertThrows(XsError.class, () -> run(o, attrs("{\"url\":\"http://127.0.0.1:" + port + "/x\"}")));
        assertFalse(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
