package dev.xsrun.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs every job with recognisable secrets and scans everything written for them, plain or encoded. */
class SecretsScanTest {
    private static final String KEY = "wkXsrunSecret81Zq";

    @RegisterExtension
    static WireMockExtension segment = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The secret and the encoded forms it travels in. */
    static List<String> forms(String secret) {
        List<String> out = new ArrayList<>(List.of(secret));
        for (String s : List.of(secret, secret + ":")) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.add(Base64.getEncoder().encodeToString(b));
            out.add(Base64.getEncoder().withoutPadding().encodeToString(b));
            out.add(Base64.getUrlEncoder().encodeToString(b));
            out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        }
        return out;
    }

    static void assertNoSecret(Cli r, String secret) {
        for (String f : forms(secret)) {
            assertFalse(r.all().contains(f), "secret leaked as `" + f + "`:\n" + r);
        }
    }

    @TestFactory
    List<DynamicTest> everyJobKeepsItsSecrets() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String top : List.of("jobs", "examples")) {
            try (Stream<Path> folders = Files.list(Path.of(top))) {
                folders.filter(Files::isDirectory).sorted().forEach(f -> {
                    for (String mode : List.of("--max-depth=256", "--verbose")) {
                        tests.add(DynamicTest.dynamicTest(f + " " + mode, () -> {
                            Cli r = Cli.run("run", f.toString(), "--env", "segment_write_key=" + KEY, "--env",
                                    "xsrun_unused_secret=" + KEY + "Other", mode, "--dry-run");
                            assertEquals(0, r.exit, r.toString());
                            assertNoSecret(r, KEY);
                        }));
                    }
                });
            }
        }
        return tests;
    }

    @Test
    void aRefusedKeyShowsNowhereEvenVerbose() {
        segment.stubFor(post(urlEqualTo("/v1/track")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"bad key " + KEY + "\"}")));
        for (String job : List.of("jobs/segment-track-event", "examples/segment-track-event")) {
            Cli r = Cli.run("run", job, "--env", "segment_write_key=" + KEY, "--verbose", "--route",
                    "https://api.segment.io=http://127.0.0.1:" + segment.getPort());
            assertFalse(r.exit == 0, r.toString());
            assertNoSecret(r, KEY);
        }
    }

    @Test
    void secretsStayHiddenInLogsErrorsResultsAndSensitiveInputs(@TempDir Path dir) throws IOException {
        Path job = dir.resolve("leaky.xs");
        Files.writeString(job, "run.job \"Leaky\" {\n  main = {name: \"f\", input: {pin: \"" + KEY + "Pin\"}}\n  env = [\"api_key\"]\n}\n---\n"
                + "function \"f\" {\n  input {\n    text pin { sensitive = true }\n  }\n  stack {\n"
                + "    debug.log { value = \"key is \" ~ $env.api_key }\n"
                + "    debug.log { value = ($env.api_key ~ \":\")|base64_encode }\n"
                + "    debug.log { value = $input }\n"
                + "    precondition (false) {\n      error = \"failed with \" ~ $env.api_key ~ \" and \" ~ $input.pin\n    }\n"
                + "  }\n  response = $env.api_key\n}\n");
        Cli r = Cli.run("run", job.toString(), "--env", "api_key=" + KEY, "--verbose");
        assertEquals(70, r.exit, r.toString());
        assertNoSecret(r, KEY);
        assertNoSecret(r, KEY + "Pin");
        Cli ok = Cli.run("run", job.toString().replace("leaky", "leaky"), "--env", "api_key=" + KEY, "--input", "pin=" + KEY + "Pin2");
        assertNoSecret(ok, KEY);
        assertNoSecret(ok, KEY + "Pin2");
    }
}
