package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.ast.Document;
import dev.xsrun.filters.FilterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parse, print, parse again: the second tree must equal the first (spans aside) and print to the same
 * text. Runs over every .xs file of the test resources, jobs/ and examples/ that parses without errors,
 * including the hand-written programs under roundtrip/ that use every construct the printer knows.
 */
class RoundTripTest {
    static final XsParser PARSER = new XsParser(FilterRegistry.standard().catalog());
    private static final List<Path> ROOTS = List.of(Path.of("src/test/resources"), Path.of("jobs"), Path.of("examples"));

    @TestFactory
    Stream<DynamicTest> everyProgramRoundTrips() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String text = read(file);
            List<Document> printable = printable(file.toString(), text);
            if (printable != null) {
                tests.add(DynamicTest.dynamicTest(file.toString(), () -> assertRoundTrip(file.toString(), printable)));
            }
        }
        assertFalse(tests.isEmpty(), "no .xs file to round-trip under " + ROOTS);
        assertTrue(tests.stream().anyMatch(t -> t.getDisplayName().contains("roundtrip")),
                "the hand-written round-trip programs were not found or do not parse");
        return tests.stream();
    }

    /** Every .xs file below the roots, except folders of programs meant to fail. */
    static List<Path> sourceFiles() {
        List<Path> out = new ArrayList<>();
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                out.addAll(walk.filter(p -> p.toString().endsWith(".xs") && Files.isRegularFile(p))
                        .filter(p -> !negative(root.relativize(p)))
                        .sorted()
                        .collect(Collectors.toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static boolean negative(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("bad") || name.equals("errors") || name.equals("invalid")) {
                return true;
            }
        }
        return false;
    }

    /** The functions and run jobs of a file that parses cleanly, or null when there is nothing to check. */
    static List<Document> printable(String path, String text) {
        ParseResult r = PARSER.parse(path, text);
        if (r.hasErrors()) {
            return null;
        }
        List<Document> docs = r.documents().stream().filter(d -> !(d instanceof Document.Other) && !(d instanceof Document.Table)).collect(Collectors.toList());
        return docs.isEmpty() ? null : docs;
    }

    /** Prints the documents, parses the text and checks tree equality and idempotence. */
    static void assertRoundTrip(String path, List<Document> documents) {
        String printed = Printer.print(documents);
        ParseResult again = PARSER.parse(path, printed);
        assertFalse(again.hasErrors(), () -> "printed text does not parse: " + again.diagnostics() + "\n" + printed);
        String diff = TreeDiff.diff(documents, again.documents());
        assertNull(diff, () -> "the tree changed: " + diff + "\n" + printed);
        assertEquals(printed, Printer.print(again.documents()), "printing is not idempotent");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
