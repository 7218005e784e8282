package dev.xsrun.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The final answer to a request: status, the protocol as it appears in a status line
 * ({@code HTTP/1.1}, {@code HTTP/2}), headers, the body bytes, the URL that answered and the time taken.
 */
public record HttpReply(int status, String protocol, List<HttpHeader> headers, byte[] body, String url, Duration elapsed) {
    public HttpReply {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return HttpHeader.first(headers, name);
    }

    /** The body decoded with the charset named by Content-Type, UTF-8 when none or unknown. */
    public String bodyText() {
        return new String(body, charset(header("content-type")));
    }

    static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = p.substring(8).trim().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
