package dev.xsrun.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link JdkTransport#releaseForExit()} ends the HttpClient selector threads that would otherwise hold
 * up the JVM's exit. It kills the shared clients, so it runs in a child JVM, never in the test JVM.
 */
class ReleaseForExitTest {
    @RegisterExtension
    final WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The child: one request, then release, then prints "selector threads: N" for those still alive. */
    public static void main(String[] args) throws Exception {
        HttpReply reply = JdkTransport.shared().send(OutgoingRequest.of("GET", args[0], List.of(), null, Duration.ofSeconds(10)));
        System.out.println("status " + reply.status() + ", selector threads before: " + selectors());
        JdkTransport.releaseForExit();
        System.out.println("selector threads after: " + selectors());
    }

    private static long selectors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .count();
    }

    @Test
    void theSelectorThreadIsGoneAfterARequest() throws IOException, InterruptedException {
        wm.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(204)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ReleaseForExitTest.class.getName(),
                wm.baseUrl() + "/ping").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("status 204, selector threads before: 1\nselector threads after: 0\n", out);
    }
}
