package dev.xsrun.http;

import java.util.List;
import java.util.Objects;

/** One header as it travels: a name and a value, order and duplicates kept by whoever holds a list of them. */
public record HttpHeader(String name, String value) {
    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The raw line form, {@code Name: value}. */
    public String line() {
        return name + ": " + value;
    }

    /** The first value of the named header (case-insensitive), or null. */
    public static String first(List<HttpHeader> headers, String name) {
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
