package dev.xsrun.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads dotenv files: {@code NAME=value} lines, {@code #} comments, optional quotes and {@code export}. */
public final class EnvFiles {
    private EnvFiles() {
    }

    /** Thrown for a line that is not {@code NAME=value}; says which line, never the value. */
    public static final class BadLine extends Exception {
        public BadLine(String message) {
            super(message);
        }
    }

    public static Map<String, String> read(Path file) throws IOException, BadLine {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BadLine(file + ":" + (i + 1) + ": expected NAME=value");
            }
            String name = line.substring(0, eq).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new BadLine(file + ":" + (i + 1) + ": `" + name + "` is not a variable name");
            }
            out.put(name, unquote(line.substring(eq + 1).strip()));
        }
        return out;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            String inner = v.substring(1, v.length() - 1);
            return v.startsWith("\"") ? inner.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\") : inner;
        }
        int hash = v.indexOf(" #");
        return hash >= 0 ? v.substring(0, hash).strip() : v;
    }
}
