package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every folder in jobs/ and examples/ runs in the suite, so the documentation cannot rot. A folder with
 * an expected.json must produce exactly that result (it sends nothing); the others, which call remote
 * services, must run cleanly under --dry-run. Their real traffic is checked in the WireMock tests.
 */
class JobFoldersTest {
    @TestFactory
    List<DynamicTest> everyJobFolderRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String top : List.of("jobs", "examples")) {
            try (Stream<Path> folders = Files.list(Path.of(top))) {
                folders.filter(Files::isDirectory).sorted().forEach(folder -> tests.add(DynamicTest.dynamicTest(folder.toString(), () -> runs(folder))));
            }
        }
        assertTrue(tests.size() >= 4, "expected the job folders to be found from the project root");
        return tests;
    }

    private static void runs(Path folder) throws Exception {
        assertTrue(Files.isRegularFile(folder.resolve("run.xs")), folder + " has no run.xs");
        assertTrue(Files.isRegularFile(folder.resolve("README.md")), folder + " has no README.md");
        Path expected = folder.resolve("expected.json");
        Path seed = folder.resolve("seed");
        if (Files.isDirectory(seed)) {
            // a database job: its seed/TABLE.jsonl files go into a fresh database, as its README shows
            Path db = Files.createTempDirectory("xsrun-example").resolve("example.db");
            try (Stream<Path> files = Files.list(seed)) {
                for (Path f : files.sorted().toList()) {
                    String table = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                    Cli imported = Cli.run("db", "import", table, f.toString(), "--job", folder.toString(), "--db", db.toString());
                    assertEquals(0, imported.exit, imported.toString());
                }
            }
            Cli r = Cli.run("run", folder.toString(), "--db", db.toString());
            assertEquals(0, r.exit, r.toString());
            assertEquals(Json.parse(Files.readString(expected)), Json.parse(r.out), r.toString());
        } else if (Files.isRegularFile(expected)) {
            Cli r = Cli.run("run", folder.toString());
            assertEquals(0, r.exit, r.toString());
            assertEquals(Json.parse(Files.readString(expected)), Json.parse(r.out), r.toString());
        } else {
            Cli r = Cli.run("run", folder.toString(), "--dry-run");
            assertEquals(0, r.exit, r.toString());
            JsonNode result = Json.parse(r.out);
            assertFalse(result.isMissingNode());
            assertTrue(r.err.contains("[dry-run]"), "a job without expected.json should call a service: " + r);
        }
        assertEquals(0, Cli.run("check", "-q", folder.toString()).exit);
    }
}
