package dev.xsrun.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.value.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run's environment comes from, in which order, and that every value found is a secret. */
class JobEnvTest {
    @TempDir
    Path dir;

    private final Secrets secrets = new Secrets();

    @Test
    void explicitBeatsEnvFileBeatsDotEnvBeatsProcess() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=from-dotenv\nB=from-dotenv\nC=from-dotenv\n");
        Path file = Files.writeString(dir.resolve("vars.env"), "A=from-envfile\nB=from-envfile\n");
        Map<String, String> process = Map.of("A", "from-process", "B", "from-process", "C", "from-process", "D", "from-process");
        JobEnv.Resolved r = JobEnv.resolve(dir, new JobEnv.Sources(Map.of("A", "from-explicit"), file, process::get),
                List.of("A", "B", "C", "D"), List.of(), secrets);
        assertEquals(Map.of("A", "from-explicit", "B", "from-envfile", "C", "from-dotenv", "D", "from-process"), r.values());
        assertEquals(List.of(), r.missing());
        for (String v : List.of("from-explicit", "from-envfile", "from-dotenv", "from-process")) {
            assertEquals("x **** y", secrets.mask("x " + v + " y"), v);
        }
    }

    @Test
    void missingNamesInDeclarationOrderAndDryRunPlaceholders() throws Exception {
        JobEnv.Resolved r = JobEnv.resolve(null, new JobEnv.Sources(Map.of("B", "bee-value"), null, name -> null),
                List.of("C", "B", "A"), List.of(), secrets);
        assertEquals(List.of("C", "A"), r.missing());
        assertEquals(Map.of("B", "bee-value", "C", "dry-run-C", "A", "dry-run-A"), r.withPlaceholders());
        assertFalse(r.values().containsKey("C"));
    }

    @Test
    void builtinNamesComeFromTheProcessOnlyWhenSetThereAndNotGivenOtherwise() throws Exception {
        Map<String, String> process = Map.of("segment_write_key", "process-key", "other", "process-other");
        JobEnv.Resolved r = JobEnv.resolve(null, new JobEnv.Sources(Map.of(), null, process::get), List.of(),
                List.of("segment_write_key", "segment_endpoint"), secrets);
        assertEquals(Map.of("segment_write_key", "process-key"), r.values());
        assertEquals(List.of(), r.missing(), "a built-in's name is never missing: the built-in says what it needs");
        assertEquals("****", secrets.mask("process-key"));

        JobEnv.Resolved given = JobEnv.resolve(null, new JobEnv.Sources(Map.of("segment_write_key", "explicit-key"), null,
                process::get), List.of(), List.of("segment_write_key"), secrets);
        assertEquals("explicit-key", given.values().get("segment_write_key"));
    }

    @Test
    void anEnvFileThatIsNotThereOrABadLineIsAProblem() throws Exception {
        JobEnv.NoSuchEnvFile none = assertThrows(JobEnv.NoSuchEnvFile.class, () -> JobEnv.resolve(null,
                new JobEnv.Sources(Map.of(), dir.resolve("nope.env"), n -> null), List.of(), List.of(), secrets));
        assertTrue(none.getMessage().startsWith("--env-file: no such file: "), none.getMessage());
        Files.writeString(dir.resolve(".env"), "GOOD=1\nthis line has no equals sign\n");
        assertThrows(EnvFiles.BadLine.class, () -> JobEnv.resolve(dir, new JobEnv.Sources(Map.of(), null, n -> null),
                List.of(), List.of(), secrets));
    }
}
