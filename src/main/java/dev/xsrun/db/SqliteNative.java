package dev.xsrun.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * Points the SQLite driver at a copy of its native library kept beside xsrun's jar. Left to itself,
 * the driver copies the library out of the jar into the temporary folder on every start, compares the
 * copy byte for byte, scans the folder for stale copies and starts {@code uname} to rule out Android:
 * about a third of the start-up a one-query job pays for its database. The copy is made once per
 * driver version and platform ({@code <jar folder>/xsrun-native/sqlite-<version>-<os>-<arch>/}).
 * A copy whose checksum does not match is made again. Whatever goes wrong here (a read-only folder,
 * an unknown platform) leaves the driver to do as it always does.
 */
final class SqliteNative {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static boolean done;

    private SqliteNative() {
    }

    /** Called before the first SQLite connection; a user's own {@code -Dorg.sqlite.lib.path} wins. */
    static synchronized void prepare() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
            return;
        }
        try {
            Path home = jarFolder();
            if (home == null) {
                return;
            }
            String name = System.mapLibraryName("sqlitejdbc");
            Path dir = home.resolve("xsrun-native").resolve("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion()
                    + "-" + safe(System.getProperty("os.name")) + "-" + safe(System.getProperty("os.arch")));
            Path lib = dir.resolve(name);
            Path sum = dir.resolve(name + ".crc32");
            if (!intact(lib, sum) && !extract(dir, lib, sum)) {
                return;
            }
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, name);
        } catch (RuntimeException | IOException | LinkageError e) {
            // the driver extracts its library itself, as it does without this
        }
    }

    /** Whether the copy is there and has the checksum written when it was made (a damaged copy is made again). */
    private static boolean intact(Path lib, Path sum) {
        try {
            return Files.isRegularFile(lib) && Files.readString(sum).strip().equals(crc(Files.readAllBytes(lib)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return Long.toHexString(c.getValue());
    }

    /** Copies the library the driver would pick for this platform next to the jar; false when it cannot. */
    private static boolean extract(Path dir, Path lib, Path sum) throws IOException {
        String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
        if (!name.equals(lib.getFileName().toString())) {
            return false;
        }
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        byte[] bytes;
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            bytes = in.readAllBytes();
        }
        Files.createDirectories(dir);
        // written whole under a temporary name, then moved: a concurrent run sees no half-written copy
        place(dir, lib, bytes);
        place(dir, sum, crc(bytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return true;
    }

    private static void place(Path dir, Path target, byte[] bytes) throws IOException {
        Path part = Files.createTempFile(dir, target.getFileName().toString(), ".part");
        try {
            Files.write(part, bytes);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The folder the copy is kept in: beside the jar, or {@code -Dxsrun.cache.dir} (the tests use it). */
    private static Path jarFolder() {
        String chosen = System.getProperty("xsrun.cache.dir");
        if (chosen != null) {
            return Path.of(chosen);
        }
        try {
            var source = SqliteNative.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null; // classes run from a folder (tests): nothing worth caching beside
            }
            Path folder = jar.getParent();
            return folder != null && Files.isWritable(folder) ? folder : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String safe(String s) {
        return s == null ? "unknown" : s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
