package dev.xsrun.http;

import dev.xsrun.value.Secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs one {@code api.request}: takes its evaluated attributes, builds and sends the request as the
 * language reference (4.11) describes, and returns {@code {request: {...}, response: {...}}}.
 *
 * <p>Non-2xx answers are data. A request that gets no answer (refused, unresolved, timed out, TLS,
 * too large) raises {@link XsError#service}; a request that cannot be built (bad URL, bad header,
 * unsupported option) raises {@link XsError#fatal}. Every message is masked with the run's secrets.
 *
 * <p>Choices where the reference is silent: {@code request.url} shows the URL as the job wrote it plus
 * the query string, before any {@code --route} rewrite, so results do not change under routing; a
 * fragment ({@code #...}) is never sent; characters not allowed in a URL (spaces, non-ASCII, ...) are
 * percent-encoded rather than refused; a {@code timeout} of 0 or less, or above 3600, means 3600 seconds
 * (the documented maximum); {@code null} params never produce a body; headers with an empty value are
 * not sent (curl's rule); client-certificate attributes are refused as unsupported.
 */
public final class HttpExecutor {
    public static final int MAX_TIMEOUT_SECONDS = 3600;
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_-]*");

    private final HttpOptions options;
    private final Secrets secrets;
    private final HttpTransport transport;

    /** Sends with {@code options}; every message and logged line is masked with {@code secrets}. */
    public HttpExecutor(HttpOptions options, Secrets secrets) {
        this.options = options;
        this.secrets = secrets;
        this.transport = options.dispatcher(secrets);
    }

    /** Sends the request described by {@code attrs} and returns the result object of 4.11. */
    public ObjectNode execute(ObjectNode attrs) {
        String url = url(attr(attrs, "url"));
        String method = Values.toText(attr(attrs, "method")).trim().toUpperCase(Locale.ROOT);
        if (method.isEmpty()) {
            method = "GET";
        }
        if (!METHOD.matcher(method).matches()) {
            throw XsError.fatal("api.request: invalid method: " + mask(method));
        }
        JsonNode params = attrs.has("params") ? attrs.get("params") : Values.object();
        List<HttpHeader> headers = headers(attr(attrs, "headers"));
        for (String k : new String[] {"certificate", "certificate_pass", "private_key", "private_key_pass"}) {
            if (!Values.toText(attr(attrs, k)).isEmpty()) {
                throw XsError.fatal("api.request: client certificates (" + k + ") are not supported by xsrun");
            }
        }

        byte[] body = null;
        if (method.equals("GET") || method.equals("HEAD")) {
            String query = params.isTextual() ? params.textValue() : FormEncoding.httpBuildQuery(params);
            if (!query.isEmpty()) {
                url = url + (url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&") + query;
            }
        } else {
            String contentType = HttpHeader.first(headers, "content-type");
            String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (params.isNull() || params.isMissingNode()) {
                body = null;
            } else if (params.isTextual()) {
                body = params.textValue().getBytes(StandardCharsets.UTF_8);
            } else if (ct.contains("application/x-www-form-urlencoded")) {
                body = FormEncoding.httpBuildQuery(params).getBytes(StandardCharsets.UTF_8);
            } else if (ct.contains("multipart/form-data")) {
                String boundary = boundaryOf(contentType);
                if (boundary == null) {
                    boundary = "xsrun-" + UUID.randomUUID().toString().replace("-", "");
                    headers = replaceHeader(headers, "content-type", contentType.trim() + "; boundary=" + boundary);
                }
                body = FormEncoding.multipart(params, boundary);
            } else if (contentType == null && params.isObject() && params.isEmpty()) {
                body = null;
            } else {
                body = Json.encode(params).getBytes(StandardCharsets.UTF_8);
                if (contentType == null) {
                    headers = new ArrayList<>(headers);
                    headers.add(new HttpHeader("Content-Type", "application/json"));
                }
            }
        }

        OutgoingRequest request = new OutgoingRequest(method, url, headers, body, timeout(attr(attrs, "timeout")),
                flag(attrs, "follow_location"), flag(attrs, "verify_peer"), flag(attrs, "verify_host"),
                emptyToNull(Values.toText(attr(attrs, "ca_certificate"))), options.maxBodyBytes());
        HttpReply reply;
        try {
            reply = transport.send(request);
        } catch (TransportFailure f) {
            String m = mask(f.getMessage());
            throw f.kind() == TransportFailure.Kind.INVALID ? XsError.fatal("api.request: " + m) : XsError.service(m);
        }
        return result(request, params, reply);
    }

    private ObjectNode result(OutgoingRequest request, JsonNode params, HttpReply reply) {
        ObjectNode out = Values.object();
        ObjectNode req = out.putObject("request");
        req.put("url", request.url());
        req.put("method", request.method());
        ArrayNode reqHeaders = req.putArray("headers");
        for (HttpHeader h : request.headers()) {
            reqHeaders.add(h.line());
        }
        req.set("params", Values.copy(params));

        ObjectNode res = out.putObject("response");
        res.put("status", reply.status());
        ArrayNode resHeaders = res.putArray("headers");
        resHeaders.add(reply.protocol() + " " + reply.status());
        for (HttpHeader h : reply.headers()) {
            resHeaders.add(h.line());
        }
        res.set("result", decode(reply));
        return out;
    }

    /** The body as 4.11 wants it: null when empty, decoded JSON when the type says json and it parses, else text. */
    static JsonNode decode(HttpReply reply) {
        if (reply.body().length == 0) {
            return Values.NULL;
        }
        String text = reply.bodyText();
        String ct = reply.header("content-type");
        if (ct != null && ct.toLowerCase(Locale.ROOT).contains("json")) {
            if (text.isBlank()) {
                return Values.NULL;
            }
            JsonNode parsed = Json.tryParse(text);
            if (parsed != null) {
                return parsed;
            }
        }
        return Values.of(text);
    }

    private String url(JsonNode v) {
        String raw = Values.toText(v).trim();
        if (raw.isEmpty()) {
            throw XsError.fatal("api.request needs a url");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            int colon = raw.indexOf(':');
            String scheme = colon > 0 && raw.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*") ? raw.substring(0, colon) : null;
            throw XsError.fatal("api.request supports only http and https URLs"
                    + (scheme == null ? ", and this one has no scheme: " : ", not " + scheme + ": ") + mask(raw));
        }
        int hash = raw.indexOf('#');
        if (hash >= 0) {
            raw = raw.substring(0, hash);
        }
        String url = escapeIllegal(raw);
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw XsError.fatal("api.request: invalid URL: " + mask(raw));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw XsError.fatal("api.request: URL has no host: " + mask(raw));
        }
        return url;
    }

    /** Percent-encodes what may not appear in a URL (spaces, controls, non-ASCII, a stray %), keeping the rest. */
    static String escapeIllegal(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                sb.append(c);
            } else if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}%".indexOf(c) >= 0) {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
                i = end - 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Headers from a list of "Name: value" lines, an object {Name: value} or a single string. */
    List<HttpHeader> headers(JsonNode v) {
        List<HttpHeader> out = new ArrayList<>();
        if (v.isNull() || v.isMissingNode()) {
            return out;
        }
        if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    addHeader(out, e.getKey().trim(), Values.toText(e.getValue()).trim());
                }
            }
        } else if (v.isArray()) {
            for (JsonNode line : v) {
                if (!line.isNull()) {
                    addLine(out, Values.toText(line));
                }
            }
        } else {
            for (String line : Values.toText(v).split("\r?\n")) {
                addLine(out, line);
            }
        }
        return out;
    }

    private void addLine(List<HttpHeader> out, String line) {
        if (line.isBlank()) {
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            options.warning("warning: api.request: header without a name ignored: " + line.trim(), secrets);
            return;
        }
        addHeader(out, line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }

    private static void addHeader(List<HttpHeader> out, String name, String value) {
        if (!name.isEmpty() && !value.isEmpty()) {
            out.add(new HttpHeader(name, value));
        }
    }

    private static List<HttpHeader> replaceHeader(List<HttpHeader> headers, String name, String value) {
        List<HttpHeader> out = new ArrayList<>();
        boolean done = false;
        for (HttpHeader h : headers) {
            if (!done && h.name().equalsIgnoreCase(name)) {
                out.add(new HttpHeader(h.name(), value));
                done = true;
            } else {
                out.add(h);
            }
        }
        return out;
    }

    private static String boundaryOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9).trim().replace("\"", "");
                return b.isEmpty() ? null : b;
            }
        }
        return null;
    }

    private Duration timeout(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return options.defaultTimeout();
        }
        JsonNode n = Values.toNumber(v);
        double seconds = n == null ? 0 : n.doubleValue();
        if (seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
            seconds = MAX_TIMEOUT_SECONDS;
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static boolean flag(ObjectNode attrs, String name) {
        JsonNode v = attrs.get(name);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isTextual() && v.textValue().trim().equalsIgnoreCase("false")) {
            return false;
        }
        return Operators.truthy(v);
    }

    private static JsonNode attr(ObjectNode attrs, String name) {
        return Values.orNull(attrs.get(name));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String mask(String s) {
        return secrets.mask(s);
    }
}
