package dev.xsrun.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** PHP's {@code http_build_query} and multipart bodies, as api.request builds query strings and forms. */
public final class FormEncoding {
    private FormEncoding() {
    }

    /**
     * {@code http_build_query}: nested objects as {@code a[b]}, lists as {@code a[0]}, true as 1, false
     * as 0, null and empty containers left out; names and values URL-encoded with {@link #urlencode}
     * (so brackets travel as {@code %5B} and {@code %5D}, as PHP sends them).
     */
    public static String httpBuildQuery(JsonNode params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : flatten(params)) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(urlencode(e.getKey())).append('=').append(urlencode(e.getValue()));
        }
        return sb.toString();
    }

    /** The name/value pairs {@code http_build_query} would produce, before encoding. */
    public static List<Map.Entry<String, String>> flatten(JsonNode params) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (params.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = params.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                add(out, e.getKey(), e.getValue());
            }
        } else if (params.isArray()) {
            for (int i = 0; i < params.size(); i++) {
                add(out, Integer.toString(i), params.get(i));
            }
        }
        return out;
    }

    private static void add(List<Map.Entry<String, String>> out, String name, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return;
        }
        if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                add(out, name + "[" + e.getKey() + "]", e.getValue());
            }
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                add(out, name + "[" + i + "]", v.get(i));
            }
        } else if (v.isBoolean()) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(name, v.booleanValue() ? "1" : "0"));
        } else {
            out.add(new AbstractMap.SimpleImmutableEntry<>(name, Values.toText(v)));
        }
    }

    /** PHP {@code urlencode}: letters, digits and {@code -_.} kept, space as {@code +}, the rest %XX of UTF-8. */
    public static String urlencode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * A multipart/form-data body: one text part per flattened name (nested values named as
     * http_build_query names them), null values left out.
     */
    public static byte[] multipart(JsonNode params, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Map.Entry<String, String>> parts;
        if (params.isObject() || params.isArray()) {
            parts = flatten(params);
        } else if (params.isNull()) {
            parts = List.of();
        } else {
            parts = List.of(new AbstractMap.SimpleImmutableEntry<>("0", Values.toText(params)));
        }
        for (Map.Entry<String, String> p : parts) {
            write(out, "--" + boundary + "\r\n");
            write(out, "Content-Disposition: form-data; name=" + Json.quote(p.getKey()) + "\r\n\r\n");
            write(out, p.getValue());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}
