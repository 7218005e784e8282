package dev.xsrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.xsrun.cli.Cli;
import java.io.IOException;
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
 * Golden run jobs: every {@code golden/run/<case>.xs} is run in-process as {@code xsrun run <case>.xs}
 * (plus the lines of an optional {@code <case>.args}, one argument per line, where {@code {dir}} stands
 * for the case folder) and checked against
 *
 * <ul>
 *   <li>{@code <case>.expected.json}: exit 0 and standard output equal to this JSON, compared as trees
 *       with {@link JsonNode#equals}, so the int {@code 2} and the decimal {@code 2.0} differ on purpose
 *       (spec 5.1/5.3 keep the two apart);</li>
 *   <li>{@code <case>.expected.txt}: a failure; line 1 is the exact first line of standard error
 *       ({@code file:line:col: message}, file reduced to its name; {@code [debug]} and {@code warning:}
 *       lines that precede it are skipped), line 2 is {@code exit: N}, and
 *       standard output must be empty;</li>
 *   <li>optionally {@code <case>.stderr.txt}: each non-blank line must occur somewhere in standard error,
 *       and a line written {@code !text} means text must not occur (for debug.log, whose lines go to
 *       standard error and never into the result).</li>
 * </ul>
 *
 * Cases in {@code golden/pending/} are the spec's expectations that the interpreter does not meet yet;
 * they are not run here (move one into {@code run/} once the interpreter is fixed).
 *
 * To rewrite the expectations after an intended, reviewed change in behaviour:
 * {@code mvn -B -q test -Dtest=GoldenRunTest -Dgolden.update=true}. Update mode writes what the
 * interpreter printed into {@code .expected.json} / {@code .expected.txt} (in src/test/resources, not
 * target) and passes; review the diff before committing, since the files are meant to hold what the
 * spec says, not whatever the interpreter happens to do.
 */
class GoldenRunTest {
    static final Path ROOT = Path.of("src", "test", "resources", "golden", "run");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TestFactory
    Stream<DynamicTest> goldenRunJobs() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(ROOT)) {
            cases = files.filter(p -> p.getFileName().toString().endsWith(".xs")).sorted().collect(Collectors.toList());
        }
        assertTrue(!cases.isEmpty(), "no golden cases under " + ROOT.toAbsolutePath());
        return cases.stream().map(p -> DynamicTest.dynamicTest(caseName(p), p.toUri(), () -> check(p)));
    }

    private static String caseName(Path xs) {
        String file = xs.getFileName().toString();
        return file.substring(0, file.length() - ".xs".length());
    }

    private static void check(Path xs) throws IOException {
        String name = caseName(xs);
        Path json = xs.resolveSibling(name + ".expected.json");
        Path txt = xs.resolveSibling(name + ".expected.txt");
        Path argsFile = xs.resolveSibling(name + ".args");
        Path stderrFile = xs.resolveSibling(name + ".stderr.txt");

        List<String> args = new ArrayList<>(List.of("run", xs.toString()));
        if (Files.exists(argsFile)) {
            for (String line : Files.readAllLines(argsFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    args.add(line.replace("{dir}", xs.getParent().toString()));
                }
            }
        }
        Cli got = Cli.run(args.toArray(new String[0]));
        // every path to a .xs file is reduced to the file's name, wherever the run was started from
        String firstErrLine = firstProblemLine(got.err).replaceAll("[^\\s:`'\"]*[/\\\\]([^/\\\\\\s]+\\.xs:)", "$1");

        if (UPDATE) {
            update(got, firstErrLine, json, txt);
            return;
        }
        if (Files.exists(json) == Files.exists(txt)) {
            fail(name + ": needs exactly one of " + json.getFileName() + " or " + txt.getFileName());
        }
        if (Files.exists(json)) {
            assertEquals(0, got.exit, name + ": exit code; stderr was:\n" + got.err);
            JsonNode expected = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
            JsonNode actual;
            try {
                actual = JSON.readTree(got.out);
            } catch (JsonProcessingException e) {
                throw new AssertionError(name + ": standard output is not one JSON value:\n" + got.out, e);
            }
            assertEquals(JSON.writeValueAsString(expected), JSON.writeValueAsString(actual), name + ": result (text view)");
            // the text view above can hide 2 vs 2.0 only if both print alike; the tree comparison cannot
            assertEquals(expected, actual, name + ": result (tree)");
        } else {
            List<String> lines = Files.readAllLines(txt, StandardCharsets.UTF_8);
            assertTrue(lines.size() >= 2 && lines.get(1).startsWith("exit: "), name + ": expected.txt must be `message` then `exit: N`");
            assertEquals(lines.get(0), firstErrLine, name + ": first line of stderr; whole stderr:\n" + got.err);
            assertEquals(Integer.parseInt(lines.get(1).substring("exit: ".length()).trim()), got.exit, name + ": exit code");
            assertEquals("", got.out, name + ": a failed run prints nothing on standard output");
        }
        if (Files.exists(stderrFile)) {
            for (String want : Files.readAllLines(stderrFile, StandardCharsets.UTF_8)) {
                if (want.startsWith("!")) {
                    assertTrue(!got.err.contains(want.substring(1)), name + ": stderr must not contain `" + want.substring(1) + "`; it was:\n" + got.err);
                } else if (!want.isBlank()) {
                    assertTrue(got.err.contains(want), name + ": stderr should contain `" + want + "`; it was:\n" + got.err);
                }
            }
        }
    }

    /** Rewrites only expectations that differ, so the diff to review shows real changes and no reformatting. */
    private static void update(Cli got, String firstErrLine, Path json, Path txt) throws IOException {
        if (got.exit == 0) {
            JsonNode actual = JSON.readTree(got.out);
            boolean same = Files.exists(json)
                    && JSON.writeValueAsString(JSON.readTree(Files.readString(json, StandardCharsets.UTF_8))).equals(JSON.writeValueAsString(actual));
            if (!same) {
                Files.writeString(json, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(txt);
        } else {
            String content = firstErrLine + "\nexit: " + got.exit + "\n";
            if (!Files.exists(txt) || !Files.readString(txt, StandardCharsets.UTF_8).equals(content)) {
                Files.writeString(txt, content, StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(json);
        }
    }

    /**
     * The first line of standard error that is neither a debug.log line nor a warning (a run's own
     * {@code warning: ...}, or a check warning {@code file:line:col: warning: ...} with its indented
     * source and caret lines).
     */
    private static String firstProblemLine(String err) {
        boolean inWarning = false;
        for (String line : err.split("\n")) {
            if (line.matches("\\S+:\\d+:\\d+: warning: .*")) {
                inWarning = true;
                continue;
            }
            if (inWarning && line.startsWith(" ")) {
                continue;
            }
            inWarning = false;
            if (!line.startsWith("[debug]") && !line.startsWith("warning:") && !line.isBlank()) {
                return line.stripTrailing();
            }
        }
        return "";
    }
}
