package dev.xsrun.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The registry and the checked-in list of every filter name (src/test/resources/filters.txt) agree. */
class FilterCatalogueTest {
    private static List<String> listed() throws IOException {
        try (InputStream in = FilterCatalogueTest.class.getResourceAsStream("/filters.txt")) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
            return out;
        }
    }

    private static Set<String> registered() {
        FilterRegistry r = FilterRegistry.standard();
        Set<String> all = new TreeSet<>(r.allNames());
        all.addAll(r.dbOnlyNames());
        return all;
    }

    @Test
    void everyListedNameIsRegistered() throws IOException {
        Set<String> missing = new TreeSet<>(listed());
        missing.removeAll(registered());
        assertEquals(Set.of(), missing, "names in filters.txt that the registry does not know");
    }

    @Test
    void everyRegisteredNameIsListed() throws IOException {
        Set<String> extra = new TreeSet<>(registered());
        extra.removeAll(listed());
        assertEquals(Set.of(), extra, "registered names missing from filters.txt");
    }

    @Test
    void listIsSortedWithoutDuplicates() throws IOException {
        List<String> names = listed();
        assertEquals(new ArrayList<>(new TreeSet<>(names)), names);
    }

    @Test
    void dbOnlyNamesAreReportedAsSuch() {
        FilterRegistry r = FilterRegistry.standard();
        assertTrue(r.isDbOnly("cosine_similarity"));
        assertTrue(r.lookup("cosine_similarity") == null);
        // sub/mul/div are DB names too, but in expressions they are the arithmetic aliases
        assertTrue(r.lookup("sub") != null);
    }
}
