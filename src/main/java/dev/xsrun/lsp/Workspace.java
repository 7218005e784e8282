package dev.xsrun.lsp;

import dev.xsrun.load.SourceFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job folder as the server sees it: every .xs file below the root, read from disk, with the text
 * the editor holds for the open ones in their place. Each file keeps its outline, so definition and
 * completion reach functions and tables in files that are not open.
 */
final class Workspace {
    /**
     * One file: its latest text, the editor's version (-1 when read from disk) and what it declares, read
     * when first asked for (an edit only needs it when completion, hover or definition look).
     */
    static final class Doc {
        private final String uri;
        private final Path path;
        private final String text;
        private final int version;
        private final boolean open;
        private volatile Outline outline;

        Doc(String uri, Path path, String text, int version, boolean open) {
            this.uri = uri;
            this.path = path;
            this.text = text;
            this.version = version;
            this.open = open;
        }

        String uri() {
            return uri;
        }

        Path path() {
            return path;
        }

        String text() {
            return text;
        }

        int version() {
            return version;
        }

        boolean open() {
            return open;
        }

        Outline outline() {
            Outline o = outline;
            if (o == null) {
                o = Outline.of(text);
                outline = o;
            }
            return o;
        }
    }

    /** A declaration with the file it is in. */
    record Found(Doc doc, Outline.Decl decl) {
    }

    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private volatile Path root;

    Path root() {
        return root;
    }

    /** Reads every .xs file under the folder (the open ones keep the editor's text). */
    void index(Path folder) {
        root = folder.toAbsolutePath().normalize();
        try {
            for (Path p : SourceFiles.under(root)) {
                String uri = key(p.toUri().toString());
                if (docs.containsKey(uri)) {
                    continue;
                }
                readFromDisk(uri, p);
            }
        } catch (RuntimeException e) {
            System.err.println("xsrun lsp: cannot index " + folder + ": " + e.getMessage());
        }
    }

    private void readFromDisk(String uri, Path p) {
        try {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            docs.put(uri, new Doc(uri, p, text, -1, false));
        } catch (IOException e) {
            docs.remove(uri);
        }
    }

    Doc put(String rawUri, String text, int version) {
        String uri = key(rawUri);
        Doc d = new Doc(uri, pathOf(uri), text, version, true);
        docs.put(uri, d);
        return d;
    }

    /** The editor closed a file: what is on disk counts again. */
    void close(String rawUri) {
        String uri = key(rawUri);
        Doc d = docs.remove(uri);
        Path p = d != null ? d.path() : pathOf(uri);
        if (p != null && Files.isRegularFile(p)) {
            readFromDisk(uri, p);
        }
    }

    /** A file changed on disk (watched-files notification); an open one keeps the editor's text. */
    void changedOnDisk(String rawUri) {
        String uri = key(rawUri);
        Doc d = docs.get(uri);
        if (d != null && d.open()) {
            return;
        }
        Path p = pathOf(uri);
        if (p != null && Files.isRegularFile(p)) {
            readFromDisk(uri, p);
        } else {
            docs.remove(uri);
        }
    }

    Doc get(String rawUri) {
        return docs.get(key(rawUri));
    }

    /** Every declaration of a kind ("function", "table", "run.job") across the workspace, by name order of files. */
    List<Found> all(String kind) {
        List<Found> out = new ArrayList<>();
        for (Doc d : docs.values()) {
            for (Outline.Decl decl : d.outline().documents()) {
                if (decl.kind().equals(kind)) {
                    out.add(new Found(d, decl));
                }
            }
        }
        out.sort((a, b) -> a.decl().name().compareTo(b.decl().name()));
        return out;
    }

    Found find(String kind, String name) {
        for (Found f : all(kind)) {
            if (f.decl().name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The names of every job's {@code env = [...]}. */
    Set<String> envNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Found f : all("run.job")) {
            for (Outline.Decl e : f.decl().children("env")) {
                out.add(e.name());
            }
        }
        return out;
    }

    /** How a file is named in messages: relative to the workspace root when it is below it. */
    String display(Doc d) {
        if (d.path() == null) {
            return d.uri();
        }
        Path r = root;
        if (r != null && d.path().startsWith(r)) {
            return r.relativize(d.path()).toString();
        }
        return d.path().toString();
    }

    /** One spelling per file, whatever escaping the client chose. */
    static String key(String uri) {
        Path p = pathOf(uri);
        return p == null ? uri : p.toUri().toString();
    }

    static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equalsIgnoreCase(u.getScheme())) {
                return Path.of(u).toAbsolutePath().normalize();
            }
        } catch (RuntimeException notAFileUri) {
            // untitled buffers and other schemes have no path
        }
        return null;
    }
}
