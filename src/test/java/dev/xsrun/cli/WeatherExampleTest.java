package dev.xsrun.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.xsrun.value.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON-API example against a stand-in: the query it sends, and what it makes of the answer. */
class WeatherExampleTest {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Cli run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "examples/weather-report", "--route",
                "https://api.open-meteo.com=http://127.0.0.1:" + api.getPort()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void sendsTheQueryAndSummarisesTheAnswer() throws Exception {
        api.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"current\":{\"time\":\"2026-05-01T12:00\",\"temperature_2m\":21.36,\"wind_speed_10m\":18.2}}")));
        Cli r = run();
        assertEquals(0, r.exit, r.toString());
        LoggedRequest req = api.findAll(getRequestedFor(urlPathEqualTo("/v1/forecast"))).get(0);
        assertEquals("38.72", req.queryParameter("latitude").firstValue());
        assertEquals("-9.14", req.queryParameter("longitude").firstValue());
        assertEquals("temperature_2m,wind_speed_10m", req.queryParameter("current").firstValue());
        assertEquals("celsius", req.queryParameter("temperature_unit").firstValue());
        assertTrue(req.getUrl().contains("current=temperature_2m%2Cwind_speed_10m"), req.getUrl());
        JsonNode out = Json.parse(r.out);
        assertEquals("Lisbon: 21.4°C, breezy", out.path("summary").asText());
        assertEquals("2026-05-01T12:00", out.path("observed_at").asText());
    }

    @Test
    void aFailingServiceStopsTheJobWithThePrecondition() {
        api.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"reason\":\"maintenance\"}")));
        Cli r = run("--input", "unit=FAHRENHEIT");
        assertEquals(70, r.exit, r.toString());
        assertTrue(r.err.contains("The forecast service answered 503"), r.err);
        assertTrue(r.err.contains("weather_report.xs:"), r.err);
        assertTrue(r.err.contains("maintenance"), r.err);
        LoggedRequest req = api.findAll(getRequestedFor(urlPathEqualTo("/v1/forecast"))).get(0);
        assertEquals("fahrenheit", req.queryParameter("temperature_unit").firstValue());
    }

    @Test
    void anInputOutOfRangeIsRefusedBeforeAnythingIsSent() {
        Cli r = run("--input", "latitude=123");
        assertEquals(65, r.exit, r.toString());
        assertTrue(r.err.contains("latitude"), r.err);
        assertEquals(0, api.findAll(getRequestedFor(urlPathEqualTo("/v1/forecast"))).size());
    }
}
