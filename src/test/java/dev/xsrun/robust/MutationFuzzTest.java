package dev.xsrun.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.cli.Cli;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.SourceText;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation loop over the project's own programs: characters and tokens deleted, inserted and
 * replaced at random. Whatever comes out, check answers with diagnostics positioned inside the file
 * (or none), run answers with a documented exit code, and neither throws, crashes or hangs.
 */
class MutationFuzzTest {
    private static final long SEED = 20261126L;
    private static final String[] TOKENS = {"{", "}", "(", ")", "[", "]", "|", ":", "=", "\"", "'", "`", "$", "$$",
            "..", "...", "\n", "//", "var", "if", "as", "each", "input", "stack", "~", "&&", "||", "??", "?:", "!",
            "filters=", "\"\"\"", "---", "-", "0", "9999999999999999999999", "\u00e9", "\t", "#", "\\", "%"};

    private static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String root : List.of("jobs", "examples", "bench", "src/test/resources/golden/run", "src/test/resources/documents")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                for (Path p : walk.filter(x -> x.toString().endsWith(".xs")).sorted().collect(Collectors.toList())) {
                    texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(texts.size() > 20);
        return texts;
    }

    static String mutate(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(5)) {
                case 0:
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                    break;
                case 1:
                    sb.insert(at, (char) (32 + r.nextInt(95)));
                    break;
                case 2:
                    if (sb.length() > 0) {
                        sb.setCharAt(at, (char) (32 + r.nextInt(95)));
                    }
                    break;
                case 3:
                    sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                    break;
                default: {
                    int len = Math.min(sb.length() - at, 1 + r.nextInt(20));
                    sb.delete(at, at + Math.max(0, len));
                }
            }
        }
        return sb.toString();
    }

    @Test
    void checkNeverThrowsAndAlwaysPointsInsideTheFile() throws IOException {
        List<String> texts = corpus();
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        Random r = new Random(SEED);
        int withProblems = 0;
        for (int i = 0; i < 400; i++) {
            String mutated = mutate(texts.get(r.nextInt(texts.size())), r);
            if (checkMutant(parser, "mutant" + i, mutated)) {
                withProblems++;
            }
        }
        assertTrue(withProblems > 100, "the mutations should break most programs, broke " + withProblems);
    }

    /** Checks one mutant: no hang, no exception, every diagnostic inside the file; true when it has errors. */
    private static boolean checkMutant(XsParser parser, String label, String mutated) {
        String name = label + ".xs";
        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(name, mutated),
                () -> "hang on " + label);
        SourceText src = new SourceText(name, mutated);
        for (Diagnostic d : result.diagnostics()) {
            assertTrue(d.span().line() >= 1 && d.span().line() <= src.lineCount(),
                    label + ": diagnostic outside the file: " + d.headline() + "\n" + mutated);
            assertTrue(d.span().column() >= 1 && d.span().column() <= src.line(d.span().line()).length() + 1,
                    label + ": column outside its line: " + d.headline() + "\n" + mutated);
            assertFalse(d.message().contains("internal error"), d.headline());
        }
        return result.hasErrors();
    }

    /**
     * Every document kind of the catalogue is among the programs, and each file of documents/ (which
     * together hold every kind: query, api_group, task, agent, triggers, table, ...) gets mutants of its own,
     * so the kinds other than function and run.job are not left to the luck of the draw.
     */
    @Test
    void everyDocumentKindIsMutated() throws IOException {
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/documents"))) {
            files = walk.filter(x -> x.toString().endsWith(".xs")).sorted().collect(Collectors.toList());
        }
        Random r = new Random(SEED + 2);
        for (Path p : files) {
            String text = Files.readString(p);
            for (String part : text.split("\n---\n")) {
                kinds.add(XsParser.leadingKind(part));
            }
            for (int i = 0; i < 60; i++) {
                checkMutant(parser, p.getFileName() + "-mutant" + i, mutate(text, r));
            }
        }
        kinds.add("run.job");
        assertTrue(kinds.containsAll(dev.xsrun.ast.DocumentCatalogue.names()),
                "kinds without a program to mutate: " + new java.util.TreeSet<>(dev.xsrun.ast.DocumentCatalogue.names()).stream()
                        .filter(k -> !kinds.contains(k)).collect(Collectors.toList()));
    }

    @Test
    void runAnswersWithADocumentedExitCode(@TempDir Path dir) throws IOException {
        List<String> texts = corpus();
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 40; i++) {
            String mutated = mutate(texts.get(r.nextInt(texts.size())), r);
            Path file = dir.resolve("mutant" + i + ".xs");
            Files.writeString(file, mutated);
            int n = i;
            Cli result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> Cli.run("run", file.toString(), "--dry-run", "--timeout", "5s"), () -> "hang on mutant " + n);
            assertTrue(List.of(0, 65, 69, 70, 75).contains(result.exit), "mutant " + i + ": " + result + "\n" + mutated);
            assertFalse(result.err.contains("\tat "), "stack trace printed: " + result);
            assertFalse(result.err.contains("internal error"), result + "\n" + mutated);
        }
    }

    @Test
    void deepNestingIsADiagnosticNotAStackOverflow() {
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        for (String open : List.of("(", "{", "[")) {
            String close = open.equals("(") ? ")" : open.equals("{") ? "}" : "]";
            String deep = "function \"f\" {\n  input {}\n  stack {\n    var $x { value = " + open.repeat(10_000) + "1"
                    + close.repeat(10_000) + " }\n  }\n}\n";
            ParseResult r = parser.parse("deep.xs", deep);
            assertTrue(r.hasErrors());
            assertTrue(r.diagnostics().get(0).message().contains("nesting is deeper"), r.diagnostics().toString());
        }
        String longChain = "function \"f\" {\n  input {}\n  stack {\n    var $x { value = 1" + " + 1".repeat(10_000)
                + " }\n    var $y { value = \"a\"" + "|trim".repeat(5_000) + " }\n  }\n  response = $x\n}\n";
        ParseResult chain = parser.parse("chain.xs", longChain);
        assertEquals(List.of(), chain.diagnostics());
    }
}
