package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.ast.FilterCatalog;
import dev.xsrun.syntax.fmt.FormatResult;
import dev.xsrun.syntax.fmt.Formatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases of {@code xsrun fmt}: every {@code fmt/<case>.xs} formats to exactly
 * {@code fmt/<case>.expected.xs}; formatting that again changes nothing; both parse to the same tree
 * (spans aside) and hold the same comments in the same order.
 *
 * <p>After an intended, reviewed change of layout: {@code mvn -B -q test -Dtest=FormatterGoldenTest
 * -Dgolden.update=true} rewrites the expected files (review the diff before committing).
 */
class FormatterGoldenTest {
    private static final Path ROOT = Path.of("src", "test", "resources", "fmt");
    private static final String EXPECTED = ".expected.xs";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> formatsEachCase() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(ROOT)) {
            cases = files.filter(p -> p.toString().endsWith(".xs") && !p.toString().endsWith(EXPECTED)).sorted().collect(Collectors.toList());
        }
        assertFalse(cases.isEmpty(), "no cases under " + ROOT.toAbsolutePath());
        return cases.stream().map(p -> DynamicTest.dynamicTest(name(p), p.toUri(), () -> check(p)));
    }

    private static String name(Path xs) {
        String f = xs.getFileName().toString();
        return f.substring(0, f.length() - ".xs".length());
    }

    private static void check(Path input) throws IOException {
        String source = Files.readString(input, StandardCharsets.UTF_8);
        Path expectedFile = input.resolveSibling(name(input) + EXPECTED);
        FormatResult once = Formatter.format(input.toString(), source);
        assertTrue(once.ok(), () -> "does not format: " + once.errors());
        if (UPDATE) {
            Files.writeString(expectedFile, once.text(), StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile);
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), once.text());

        FormatResult twice = Formatter.format(input.toString(), once.text());
        assertEquals(once.text(), twice.text(), "formatting the formatted text changed it");

        XsParser parser = new XsParser(FilterCatalog.ANY);
        ParseResult before = parser.parse(input.toString(), source);
        ParseResult after = parser.parse(input.toString(), once.text());
        assertFalse(after.hasErrors(), () -> "the formatted text does not parse: " + after.diagnostics());
        assertFalse(before.documents().isEmpty());
        assertNull(TreeDiff.diff(before.documents(), after.documents()), "the tree changed");
        assertEquals(comments(source), comments(once.text()));
    }

    static List<String> comments(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : SourceTokens.of(text)) {
            if (t.getType() == SourceTokens.COMMENT) {
                out.add(t.getText().strip());
            }
        }
        return out;
    }
}
