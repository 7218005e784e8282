package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.syntax.fmt.FormatResult;
import dev.xsrun.syntax.fmt.Formatter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xsrun fmt} through the command line: in place, --check, standard input, bad files, exit codes. */
class FmtCommandTest {
    private static final String MESSY = "function \"f\" {\n  stack {\n var $x {value=1+2}\n  }\n  response=$x // kept\n}\n";
    private static final String TIDY = "function \"f\" {\n  stack {\n    var $x { value = 1 + 2 }\n  }\n  response = $x // kept\n}\n";

    @TempDir
    Path dir;

    @Test
    void rewritesFilesInPlaceAndListsThem() throws Exception {
        Path messy = write("a/messy.xs", MESSY);
        Path tidy = write("a/tidy.xs", TIDY);
        Cli r = Cli.run("fmt", dir.resolve("a").toString());
        assertEquals(0, r.exit, r.toString());
        assertEquals(TIDY, Files.readString(messy));
        assertEquals(TIDY, Files.readString(tidy));
        assertTrue(r.out.contains("messy.xs"), r.toString());
        assertFalse(r.out.contains("tidy.xs"), r.toString());
        assertEquals(0, Cli.run("fmt", "--check", dir.resolve("a").toString()).exit);
    }

    @Test
    void checkChangesNothingListsAndExitsOne() throws Exception {
        Path messy = write("messy.xs", MESSY);
        write("tidy.xs", TIDY);
        Cli r = Cli.run("fmt", "--check", dir.toString());
        assertEquals(1, r.exit, r.toString());
        assertEquals(MESSY, Files.readString(messy));
        assertEquals(1, r.out.lines().count(), r.toString());
        assertTrue(r.out.strip().endsWith("messy.xs"), r.toString());
    }

    @Test
    void leavesAFileThatDoesNotParseAndReportsWhere() throws Exception {
        String broken = "function \"f\" {\n  stack {\n    var $x { value = }\n  }\n}\n";
        Path bad = write("bad.xs", broken);
        Path messy = write("messy.xs", MESSY);
        Cli r = Cli.run("fmt", dir.toString());
        assertEquals(65, r.exit, r.toString());
        assertEquals(broken, Files.readString(bad));
        assertEquals(TIDY, Files.readString(messy), "the other files are still formatted");
        assertTrue(r.err.contains("bad.xs:3:22: "), r.toString());
        assertFalse(r.err.contains("Exception"), r.toString());
        assertEquals(65, Cli.run("fmt", "--check", bad.toString()).exit);
    }

    @Test
    void formatsStandardInputToStandardOutput() {
        Cli r = withStdin(MESSY, "fmt", "-");
        assertEquals(0, r.exit, r.toString());
        assertEquals(TIDY, r.out);
        Cli check = withStdin(MESSY, "fmt", "--check", "-");
        assertEquals(1, check.exit, check.toString());
        assertEquals(0, withStdin(TIDY, "fmt", "--check", "-").exit);
        Cli bad = withStdin("function \"f\" {", "fmt", "-");
        assertEquals(65, bad.exit, bad.toString());
        assertEquals("", bad.out);
        assertTrue(bad.err.startsWith("<stdin>:"), bad.toString());
    }

    @Test
    void badCommandLines() {
        assertEquals(2, Cli.run("fmt", dir.resolve("missing").toString()).exit);
        assertEquals(2, Cli.run("fmt").exit);
        assertEquals(2, Cli.run("fmt", "--nope", dir.toString()).exit);
        Cli help = Cli.run("fmt", "--help");
        assertEquals(0, help.exit);
        assertTrue(help.out.contains("--check") && help.out.contains("65") && help.out.contains("standard input"), help.out);
    }

    @Test
    void apiGivesErrorsInsteadOfText() {
        FormatResult r = Formatter.format("x.xs", "function \"f\" {\n  stack {\n");
        assertFalse(r.ok());
        assertEquals(null, r.text());
        assertTrue(r.errors().get(0).headline().startsWith("x.xs:"), r.errors().toString());
        FormatResult crlf = Formatter.format("y.xs", "\uFEFF" + MESSY.replace("\n", "\r\n"));
        assertEquals(TIDY, crlf.text());
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static Cli withStdin(String text, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(saved);
        }
    }
}
