package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads src/test/resources/filter-cases.tsv and runs one case through the registry and binder. */
final class FilterCases {
    /** "Now" for every case: Wednesday 2024-05-15 10:30:00 UTC, so date phrases are reproducible. */
    static final Instant NOW = Instant.parse("2024-05-15T10:30:00Z");

    record Case(int line, String filter, String input, String args, String expected) {
        String label() {
            return line + ": " + input + "|" + filter + (args.equals("[]") ? "" : ":" + args) + " → " + expected;
        }
    }

    private FilterCases() {
    }

    static List<Case> load() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = FilterCases.class.getResourceAsStream("/filter-cases.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 4) {
                    throw new IllegalStateException("filter-cases.tsv line " + (i + 1) + ": expected 4 tab-separated columns, got " + cols.length);
                }
                out.add(new Case(i + 1, cols[0].trim(), cols[1], cols[2], cols[3]));
            }
        }
        return out;
    }

    static JsonNode value(String json) {
        try {
            return EncodingFilters.normalize(Json.parse(json));
        } catch (IOException e) {
            throw new IllegalStateException("bad JSON in case: " + json, e);
        }
    }

    /** Runs a case and returns its result (a thrown XsError propagates). */
    static JsonNode run(FilterRegistry registry, Case c) {
        FilterRegistry.Entry e = registry.lookup(c.filter());
        if (e == null) {
            throw new IllegalStateException("unknown filter " + c.filter());
        }
        JsonNode argList = value(c.args());
        JsonNode[] written = new JsonNode[argList.size()];
        for (int i = 0; i < written.length; i++) {
            written[i] = argList.get(i);
        }
        JsonNode[] bound = FilterBinder.bind(e.spec(), written);
        DateFilters.useClock(Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            return e.body().apply(new FilterCall(c.filter(), value(c.input()), bound, written.length, new Lambda[bound.length], null));
        } finally {
            DateFilters.useClock(null);
        }
    }
}
