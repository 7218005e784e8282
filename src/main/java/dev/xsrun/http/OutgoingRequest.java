package dev.xsrun.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One request ready for the wire. {@code body} is null for "no body". {@code timeout} bounds the whole
 * exchange, redirects included. TLS switches follow api.request's attributes; {@code caCertificate} is
 * PEM text of an extra trusted CA, or null. A response body longer than {@code maxBodyBytes} is a
 * {@link TransportFailure.Kind#TOO_LARGE} failure.
 */
public record OutgoingRequest(
        String method,
        String url,
        List<HttpHeader> headers,
        byte[] body,
        Duration timeout,
        boolean followRedirects,
        boolean verifyPeer,
        boolean verifyHost,
        String caCertificate,
        long maxBodyBytes) {

    public OutgoingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        Objects.requireNonNull(timeout, "timeout");
        if (maxBodyBytes <= 0) {
            maxBodyBytes = HttpOptions.DEFAULT_MAX_BODY_BYTES;
        }
    }

    /** A plain request with TLS checks on and redirects followed. */
    public static OutgoingRequest of(String method, String url, List<HttpHeader> headers, byte[] body, Duration timeout) {
        return new OutgoingRequest(method, url, headers, body, timeout, true, true, true, null, HttpOptions.DEFAULT_MAX_BODY_BYTES);
    }

    public OutgoingRequest withUrl(String newUrl) {
        return new OutgoingRequest(method, newUrl, headers, body, timeout, followRedirects, verifyPeer, verifyHost, caCertificate, maxBodyBytes);
    }

    public OutgoingRequest withTimeout(Duration t) {
        return new OutgoingRequest(method, url, headers, body, t, followRedirects, verifyPeer, verifyHost, caCertificate, maxBodyBytes);
    }

    public OutgoingRequest withFollowRedirects(boolean follow) {
        return new OutgoingRequest(method, url, headers, body, timeout, follow, verifyPeer, verifyHost, caCertificate, maxBodyBytes);
    }

    public OutgoingRequest with(String newMethod, String newUrl, List<HttpHeader> newHeaders, byte[] newBody) {
        return new OutgoingRequest(newMethod, newUrl, newHeaders, newBody, timeout, followRedirects, verifyPeer, verifyHost, caCertificate, maxBodyBytes);
    }

    public OutgoingRequest withMaxBodyBytes(long max) {
        return new OutgoingRequest(method, url, headers, body, timeout, followRedirects, verifyPeer, verifyHost, caCertificate, max);
    }

    public int bodyLength() {
        return body == null ? 0 : body.length;
    }
}
