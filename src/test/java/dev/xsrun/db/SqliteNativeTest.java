package dev.xsrun.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite driver's native library is copied once into xsrun's cache folder and loaded from there;
 * a copy that cannot be used never breaks a run. Each case is a fresh process, since a JVM loads the
 * library once.
 */
class SqliteNativeTest {
    @TempDir
    Path tmp;

    private static final String JOB = """
            run.job "One" {
              main = {name: "f", input: {}}
            }
            ---
            table "item" {
              auth = false
              schema {
                int id
                text code
              }
              index = [{type: "primary", field: [{name: "id"}]}]
            }
            ---
            function "f" {
              input {
              }
              stack {
                db.add "item" { data = {code: "a"} }
                db.query "item" { return = {type: "count"} } as $n
              }
              response = $n
            }
            """;

    private record Result(int exit, String out) {
    }

    private Result run(Path cache) throws IOException, InterruptedException {
        Path job = tmp.resolve("job");
        Files.createDirectories(job);
        Files.writeString(job.resolve("run.xs"), JOB);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dxsrun.cache.dir=" + cache, "-cp", System.getProperty("java.class.path"),
                "dev.xsrun.cli.Main", "run", job.toString(), "--db", "memory")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static Path library(Path cache) throws IOException {
        List<Path> libs = libraries(cache).stream()
                .filter(p -> p.getFileName().toString().equals(System.mapLibraryName("sqlitejdbc"))).toList();
        assertEquals(1, libs.size(), "one copy: " + libraries(cache));
        return libs.get(0);
    }

    private static List<Path> libraries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theLibraryIsCopiedOnceAndUsedFromTheCache() throws Exception {
        Path cache = tmp.resolve("cache");
        Result first = run(cache);
        assertEquals(0, first.exit, first.out);
        assertEquals("1", first.out.strip());
        Path lib = library(cache);
        assertTrue(lib.getParent().getFileName().toString().startsWith("sqlite-"), lib.toString());
        assertEquals(System.mapLibraryName("sqlitejdbc"), lib.getFileName().toString());
        assertTrue(Files.size(lib) > 100_000, "the whole library was copied");

        FileTime made = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(lib, made);
        Result second = run(cache);
        assertEquals(0, second.exit, second.out);
        assertEquals("1", second.out.strip());
        assertEquals(made, Files.getLastModifiedTime(lib), "the second run loads the copy, it does not write it again");
        assertEquals(2, libraries(cache).size(), "the copy and its checksum, no temporary files: " + libraries(cache));
    }

    @Test
    void aDamagedCopyIsMadeAgain() throws Exception {
        Path cache = tmp.resolve("cache");
        assertEquals(0, run(cache).exit);
        Path lib = library(cache);
        long size = Files.size(lib);
        Files.writeString(lib, "not a library");
        Result r = run(cache);
        assertEquals(0, r.exit, r.out);
        assertEquals("1", r.out.strip());
        assertEquals(size, Files.size(lib), "the damaged copy was replaced");
    }

    @Test
    void anUnwritableCacheFolderChangesNothing() throws Exception {
        Path notAFolder = tmp.resolve("file");
        Files.writeString(notAFolder, "x");
        Result r = run(notAFolder);
        assertEquals(0, r.exit, r.out);
        assertEquals("1", r.out.strip());
        assertFalse(Files.isDirectory(notAFolder));
    }
}
