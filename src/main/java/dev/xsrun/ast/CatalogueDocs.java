package dev.xsrun.ast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-line descriptions and examples of catalogue entries (statements, filters), read from a
 * tab-separated resource beside the catalogue: {@code name<TAB>description<TAB>example}. Lines starting
 * with {@code #} are comments. The language server shows them on hover; tests keep them in step with the
 * catalogue.
 */
public final class CatalogueDocs {
    /** What is said about one name. */
    public record Doc(String name, String description, String example) {
    }

    private final Map<String, Doc> docs;

    private CatalogueDocs(Map<String, Doc> docs) {
        this.docs = Collections.unmodifiableMap(docs);
    }

    /** Reads a resource loaded by {@code owner}'s class loader; a missing resource is a build bug. */
    public static CatalogueDocs load(Class<?> owner, String resource) {
        Map<String, Doc> out = new LinkedHashMap<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalogue resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new IllegalStateException(resource + ":" + n + ": expected name, description and example separated by tabs");
                }
                if (out.put(parts[0], new Doc(parts[0], parts[1], parts[2])) != null) {
                    throw new IllegalStateException(resource + ":" + n + ": " + parts[0] + " is described twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CatalogueDocs(out);
    }

    /** The description of a name, or null. */
    public Doc lookup(String name) {
        return docs.get(name);
    }

    public Map<String, Doc> all() {
        return docs;
    }
}
