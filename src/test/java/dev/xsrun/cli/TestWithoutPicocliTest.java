package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `test PATH...` started without picocli prints and exits exactly as through picocli, and leaves anything else to it. */
class TestWithoutPicocliTest {
    private static final String TESTING = "src/test/resources/testing/";

    @TempDir
    Path dir;

    private static String masked(String out) {
        return out.replaceAll("\\) \\d+ ms\\n", ") <time> ms\n");
    }

    @Test
    void printsAndExitsAsThroughPicocli() throws IOException {
        Files.writeString(dir.resolve("broken.xs"), "function \"b\" {\n  stack {\n    var $x { value = (1 + }\n  }\n}\n");
        for (String[] args : new String[][] {{"test", TESTING + "passing"}, {"test", TESTING + "failing/function/total.xs"},
                {"test", TESTING + "passing", TESTING + "mocks"}, {"test", TESTING + "passing/function/add.xs"},
                {"test", dir.toString()}, {"test", dir.resolve("nope").toString()}}) {
            String shown = String.join(" ", args);
            Cli viaPicocli = Cli.run(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Integer exit = TestCommand.withoutPicocli(args, () -> new PrintWriter(out, true), () -> new PrintWriter(err, true));
            assertNotNull(exit, shown);
            assertEquals(viaPicocli.exit, exit, shown);
            assertEquals(masked(viaPicocli.out), masked(out.toString()), shown);
            assertEquals(viaPicocli.err, err.toString(), shown);
        }
    }

    @Test
    void leavesOtherCommandLinesToPicocli() {
        for (String[] args : new String[][] {{"test"}, {"test", "--help"}, {"test", "x", "--filter", "a"}, {"test", "x", "--junit=r.xml"},
                {"test", "-h"}, {"test", "@args.txt"}, {"test", "--", "x"}, {"test", ""}, {"check", "x"}, {"run", "x"}, {}}) {
            assertNull(TestCommand.withoutPicocli(args, () -> {
                throw new AssertionError("nothing should be printed");
            }, () -> {
                throw new AssertionError("nothing should be printed");
            }), String.join(" ", args));
        }
    }
}
