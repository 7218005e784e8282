package dev.xsrun.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the .xs files under files and folders: recursive, sorted, hidden folders skipped. */
public final class SourceFiles {
    private SourceFiles() {
    }

    public static List<Path> under(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".xs"))
                    .filter(p -> !isHidden(root.relativize(p)))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith(".") && !s.equals(".") && !s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** A path as users wrote it, for messages: relative to the working folder when below it. */
    public static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString();
    }
}
