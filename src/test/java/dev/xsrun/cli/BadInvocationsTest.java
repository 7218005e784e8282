package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalogue of things people get wrong on the command line or in a job folder: message and exit code. */
class BadInvocationsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static final String JOB = "run.job \"J\" {\n  main = {name: \"f\", input: {n: 1}}\n}\n";
    private static final String FN = "function \"f\" {\n  input {\n    int n\n  }\n  stack {\n  }\n  response = $input.n * 2\n}\n";

    private void expect(Cli r, int exit, String fragment) {
        assertEquals(exit, r.exit, r.toString());
        assertTrue(r.err.contains(fragment), "stderr should mention `" + fragment + "`:\n" + r);
        assertTrue(r.out.isEmpty(), "nothing on stdout for a failure:\n" + r);
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), "no stack trace:\n" + r);
    }

    @Test
    void aMissingJobFolder() {
        expect(Cli.run("run", dir.resolve("nope").toString()), 2, "no such job folder or file");
    }

    @Test
    void aFolderWithoutRunXs() throws IOException {
        write("job/function/f.xs", FN);
        expect(Cli.run("run", dir.resolve("job").toString()), 65, "no run.job found");
    }

    @Test
    void anEmptyFolder() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        expect(Cli.run("run", dir.resolve("empty").toString()), 65, "holds no .xs files");
    }

    @Test
    void twoFunctionsWithTheSameName() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", FN);
        write("job/functions/f.xs", FN);
        expect(Cli.run("run", dir.resolve("job").toString()), 65, "function `f` is declared twice");
    }

    @Test
    void anUnknownMainName() throws IOException {
        write("job/run.xs", JOB.replace("name: \"f\"", "name: \"g\""));
        write("job/function/f.xs", FN);
        Cli r = Cli.run("run", dir.resolve("job").toString());
        expect(r, 65, "Unable to locate function: g");
        assertTrue(r.err.contains("run.xs:2:"), r.err);
    }

    @Test
    void malformedInputOptions() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", FN);
        String job = dir.resolve("job").toString();
        expect(Cli.run("run", job, "--input", "n"), 2, "--input needs NAME=VALUE");
        Path bad = write("in.json", "{\"n\": 1,,}");
        expect(Cli.run("run", job, "--input-file", bad.toString()), 65, "not valid JSON");
        Path list = write("list.json", "[1, 2]");
        expect(Cli.run("run", job, "--input-file", list.toString()), 65, "must hold a JSON object");
        expect(Cli.run("run", job, "--input-file", dir.resolve("absent.json").toString()), 2, "no such file");
        Path env = write("bad.env", "# comment\nJUST_A_WORD\n");
        expect(Cli.run("run", job, "--env-file", env.toString()), 65, "bad.env:2: expected NAME=value");
        expect(Cli.run("run", job, "--env", "novalue"), 2, "--env needs NAME=VALUE");
        expect(Cli.run("run", job, "--route", "nowhere"), 2, "--route");
        expect(Cli.run("run", job, "--timeout", "soon"), 2, "is not a duration");
    }

    @Test
    void anUnknownOption() throws IOException {
        write("job/run.xs", JOB);
        Cli r = Cli.run("run", dir.resolve("job").toString(), "--inptu", "n=1");
        expect(r, 2, "Unknown option");
        assertTrue(r.err.contains("--input"), "suggests the near option: " + r.err);
    }

    @Test
    void aWrongInputType() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", FN);
        expect(Cli.run("run", dir.resolve("job").toString(), "--input", "n=twelve"), 65, "Value is not a valid integer.");
    }

    @Test
    void aMissingEnvValueNamesEveryMissingName() throws IOException {
        write("job/run.xs", JOB.replace("}\n}", "}\n  env = [\"xsrun_test_absent_a\", \"xsrun_test_absent_b\"]\n}"));
        write("job/function/f.xs", FN);
        expect(Cli.run("run", dir.resolve("job").toString()), 65, "xsrun_test_absent_a, xsrun_test_absent_b");
    }

    @Test
    void anUnreachableHost() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", "function \"f\" {\n  input {\n    int n\n  }\n  stack {\n    api.request {\n      url = \"http://127.0.0.1:1/x\"\n    } as $r\n  }\n  response = $r\n}\n");
        Cli r = Cli.run("run", dir.resolve("job").toString());
        expect(r, 69, "Could not connect");
        assertTrue(r.err.contains("f.xs:6:5"), r.err);
    }

    @Test
    void aRunawayLoopStopsAtTheLoopWithTheLimitNamed() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", "function \"f\" {\n  input {\n    int n\n  }\n  stack {\n    var $i { value = 0 }\n    while (true) {\n      each {\n        math.add $i { value = 1 }\n      }\n    }\n  }\n  response = $i\n}\n");
        Cli r = Cli.run("run", dir.resolve("job").toString(), "--max-iterations", "1000");
        expect(r, 70, "Execution limit exceeded: more than 1000 iterations");
        assertTrue(r.err.contains("f.xs:7:5"), r.err);
    }

    @Test
    void runawayRecursionStopsAtTheDepthLimit() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", "function \"f\" {\n  input {\n    int n\n  }\n  stack {\n    function.run \"f\" { input = {n: $input.n + 1} } as $r\n  }\n  response = $r\n}\n");
        expect(Cli.run("run", dir.resolve("job").toString()), 70, "functions nested deeper than 256 calls");
    }

    @Test
    void aRunawayLoopIsAlsoStoppedByTimeout() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", "function \"f\" {\n  input {\n    int n\n  }\n  stack {\n    while (true) {\n      each {\n        util.sleep { value = 0.01 }\n      }\n    }\n  }\n}\n");
        expect(Cli.run("run", dir.resolve("job").toString(), "--timeout", "1s"), 75, "timeout");
    }

    @Test
    void aStringBuiltWithoutBoundHitsTheValueCap() throws IOException {
        write("job/run.xs", JOB);
        write("job/function/f.xs", "function \"f\" {\n  input {\n    int n\n  }\n  stack {\n    var $s { value = \"xxxxxxxxxxxxxxxx\" }\n    while (true) {\n      each {\n        var $s { value = $s ~ $s }\n      }\n    }\n  }\n  response = $s|strlen\n}\n");
        expect(Cli.run("run", dir.resolve("job").toString()), 70, "Execution limit exceeded: text longer than");
    }

    @Test
    void checkOfAMissingPath() {
        Cli r = Cli.run("check", dir.resolve("nope").toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("no such file or folder"), r.err);
    }

    @Test
    void helpAnswersQuestions() {
        Cli r = Cli.run("run", "--help");
        assertEquals(0, r.exit);
        List<String> wanted = new ArrayList<>(List.of("--input", "--input-file", "--env", "--env-file", "--route", "--dry-run",
                "--timeout", "--verbose", "Exit codes", "65", "69", "70", "75"));
        for (String w : wanted) {
            assertTrue(r.out.contains(w), "run --help should mention " + w + ":\n" + r.out);
        }
    }

    @Test
    void everyHelpExampleNamesAFolderThatShips() {
        for (String command : List.of("run", "check")) {
            Cli r = Cli.run(command, "--help");
            assertEquals(0, r.exit);
            for (String line : r.out.split("\n")) {
                String t = line.trim();
                if (!t.startsWith("xsrun " + command + " ")) {
                    continue;
                }
                String path = t.split("\\s+")[2];
                if (path.startsWith("jobs/") || path.startsWith("examples/")) {
                    assertTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of(path)),
                            command + " --help shows an example with " + path + ", which does not exist");
                }
            }
        }
    }
}
