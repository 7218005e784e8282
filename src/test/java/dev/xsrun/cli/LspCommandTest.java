package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `xsrun lsp` as a process: standard output holds protocol frames and nothing else, and exit follows shutdown. */
class LspCommandTest {
    @Test
    void standardOutputCarriesOnlyFramesAndExitIsClean() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "lsp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        OutputStream in = p.getOutputStream();
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///tmp/x/f.xs\","
                + "\"languageId\":\"xanoscript\",\"version\":1,\"text\":\"function \\\"f\\\" {\\n  stack {\\n    nope.nope\\n  }\\n}\\n\"}}}");
        List<String> frames = new ArrayList<>();
        InputStream out = p.getInputStream();
        while (frames.stream().noneMatch(f -> f.contains("publishDiagnostics"))) {
            frames.add(readFrame(out));
        }
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}");
        // read until the shutdown answer, then say exit
        while (frames.stream().noneMatch(f -> f.contains("\"id\":2"))) {
            frames.add(readFrame(out));
        }
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits after exit");
        assertEquals(0, p.exitValue());
        byte[] rest = out.readAllBytes();
        assertEquals("", new String(rest, StandardCharsets.UTF_8), "nothing after the last frame");
        assertTrue(frames.get(0).contains("\"capabilities\""), frames.get(0));
        assertTrue(frames.stream().anyMatch(f -> f.contains("publishDiagnostics") && f.contains("nope.nope")), frames.toString());
    }

    private static void send(OutputStream out, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** One frame: exactly a Content-Length header, a blank line and that many bytes; anything else fails. */
    private static String readFrame(InputStream in) throws Exception {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("standard output ended inside a header: " + header);
            }
            header.write(b);
        }
        String h = header.toString(StandardCharsets.US_ASCII);
        assertTrue(h.startsWith("Content-Length: "), "a frame starts with its length, not: " + h);
        int length = Integer.parseInt(h.substring("Content-Length: ".length(), h.indexOf("\r\n")));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
