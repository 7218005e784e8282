package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line reaches built-ins only through {@code builtins.NativeBuiltin} and {@code Builtins.all()}:
 * no file of {@code cli/} names the Segment client or a particular built-in class.
 */
class LayeringTest {
    private static final Pattern NAMES_A_BUILTIN = Pattern.compile(
            "dev\\.xsrun\\.segment\\.|\\bSegment(Builtin|TrackEvent|BatchHook|Batcher|Client)\\b|\\bBatchLine\\b");

    @Test
    void cliNamesNoParticularBuiltin() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/xsrun/cli"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (NAMES_A_BUILTIN.matcher(lines.get(i)).find()) {
                        found.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
