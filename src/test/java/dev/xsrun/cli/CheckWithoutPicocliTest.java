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

/** `check` started without picocli prints and exits exactly as through picocli, and leaves anything unusual to it. */
class CheckWithoutPicocliTest {
    @TempDir
    Path dir;

    @Test
    void printsAndExitsAsThroughPicocli() throws IOException {
        Files.writeString(dir.resolve("good.xs"), "function \"g\" {\n  input {\n  }\n  stack {\n    var $x { value = 1 }\n  }\n  response = $x\n}\n");
        Files.writeString(dir.resolve("bad.xs"), "function \"f\" {\n  input {\n    text name\n  }\n  stack {\n    var $x { value = $input.name|to_uper }\n  }\n  response = $x|to_text:1\n}\n");
        Files.writeString(dir.resolve("broken.xs"), "function \"b\" {\n  stack {\n    var $x { value = (1 + }\n  }\n}\n");
        String folder = dir.toString();
        String good = dir.resolve("good.xs").toString();
        for (String[] args : new String[][] {{"check", folder}, {"check", "-q", folder}, {"check", folder, "--quiet"},
                {"check", good}, {"check", good, good}, {"check", dir.resolve("nope").toString()}}) {
            Cli viaPicocli = Cli.run(args);
            StringWriter err = new StringWriter();
            Integer exit = CheckCommand.withoutPicocli(args, () -> new PrintWriter(err, true));
            assertNotNull(exit, String.join(" ", args));
            assertEquals(viaPicocli.exit, exit, String.join(" ", args));
            assertEquals(viaPicocli.err, err.toString(), String.join(" ", args));
        }
    }

    @Test
    void leavesOtherCommandLinesToPicocli() {
        for (String[] args : new String[][] {{"check"}, {"check", "-q"}, {"check", "--help"}, {"check", "-h", "x"}, {"check", "-q", "-q", "x"},
                {"check", "-qq", "x"}, {"check", "@args.txt"}, {"check", "--", "x"}, {"check", "-"}, {"check", ""}, {"run", "x"}, {}}) {
            assertNull(CheckCommand.withoutPicocli(args, () -> {
                throw new AssertionError("nothing should be printed");
            }), String.join(" ", args));
        }
    }
}
