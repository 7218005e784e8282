package dev.xsrun.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.XsError;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases of filter-cases.tsv: filter, input JSON, argument JSON array, and the expected result as
 * JSON (compared by its json_encode text, so 2 and 2.0 differ), "!error substring", or "~regex" that
 * the json_encode text of the result must match (random results).
 */
class FilterCasesTest {
    private static final FilterRegistry REGISTRY = FilterRegistry.standard();

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        return FilterCases.load().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> check(c)));
    }

    private static void check(FilterCases.Case c) {
        JsonNode input = FilterCases.value(c.input());
        String before = Json.encode(input);
        if (c.expected().startsWith("!error")) {
            String want = c.expected().substring("!error".length()).trim();
            try {
                JsonNode got = FilterCases.run(REGISTRY, c);
                fail("expected an error containing \"" + want + "\", got " + Json.encode(got));
            } catch (XsError e) {
                assertTrue(e.getMessage().contains(want), "error \"" + e.getMessage() + "\" should contain \"" + want + "\"");
            }
            return;
        }
        JsonNode got = FilterCases.run(REGISTRY, c);
        String actual = Json.encode(got);
        if (c.expected().startsWith("~")) {
            assertTrue(Pattern.compile(c.expected().substring(1)).matcher(actual).find(), actual + " should match " + c.expected());
        } else {
            assertEquals(Json.encode(FilterCases.value(c.expected())), actual);
        }
        assertEquals(before, Json.encode(input), "the filter must not change its input");
    }

    @Test
    void everyCanonicalFilterHasACase() throws IOException {
        Set<String> covered = new TreeSet<>(HigherOrderFiltersTest.COVERED);
        Set<String> canonical = REGISTRY.names();
        for (FilterCases.Case c : FilterCases.load()) {
            FilterRegistry.Entry e = REGISTRY.lookup(c.filter());
            assertTrue(e != null, "line " + c.line() + ": unknown filter " + c.filter());
            covered.add(e.spec().name());
        }
        Set<String> missing = new TreeSet<>(canonical);
        missing.removeAll(covered);
        assertEquals(List.of(), List.copyOf(missing), "filters without a golden case");
    }
}
