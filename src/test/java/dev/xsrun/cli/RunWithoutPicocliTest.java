package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/** `run` started without picocli prints and exits exactly as through picocli, and leaves anything unusual to it. */
class RunWithoutPicocliTest {
    @TempDir
    Path dir;

    @Test
    void printsAndExitsAsThroughPicocli() throws IOException {
        String order = "examples/order-summary";
        Path input = Files.writeString(dir.resolve("input.json"), "{\"coupon\": \"NONE\"}");
        Path badInput = Files.writeString(dir.resolve("bad.json"), "{\"coupon\": ");
        Path lines = Files.writeString(dir.resolve("lines.jsonl"), "{\"coupon\":\"SPRING10\"}\nnot json\n\n{\"customer\":\"Grace\"}\n");
        Path env = Files.writeString(dir.resolve("vars.env"), "API_TOKEN=tok_secret_123\n");
        Path boom = Files.createDirectories(dir.resolve("boom"));
        Files.writeString(boom.resolve("run.xs"), "run.job \"Boom\" {\n  main = {name: \"boom\", input: {}}\n}\n");
        Files.writeString(boom.resolve("boom.xs"), "function \"boom\" {\n  input {\n  }\n  stack {\n"
                + "    precondition (1 == 2) {\n      error_type = \"inputerror\"\n      error = \"one is not two\"\n    }\n"
                + "  }\n  response = null\n}\n");
        List<String[]> lines2 = new ArrayList<>(List.of(
                new String[] {"run", order},
                new String[] {"run", order, "--input", "coupon=NONE", "--max-iterations", "1000", "--max-depth=50"},
                new String[] {"run", "--input-file", input.toString(), order},
                new String[] {"run", order, "--input-file=" + badInput},
                new String[] {"run", order, "--input", "no-equals-sign"},
                new String[] {"run", order, "--env", "API_TOKEN=tok_secret_123", "--env-file", env.toString(), "--input", "customer=tok_secret_123"},
                new String[] {"run", order, "--timeout", "nonsense"},
                new String[] {"run", order, "--timeout", "30s", "--verbose"},
                new String[] {"run", order, "--report", dir.resolve("r.jsonl").toString()},
                new String[] {"run", order, "--inputs", lines.toString(), "--concurrency", "2"},
                new String[] {"run", order, "--inputs", lines.toString(), "--concurrency", "0"},
                new String[] {"run", order, "--inputs", dir.resolve("missing.jsonl").toString()},
                new String[] {"run", order, "--route", "not-a-route"},
                new String[] {"run", order, "--dry-run"},
                new String[] {"run", boom.toString()},
                new String[] {"run", dir.resolve("nope").toString()}));
        for (String[] args : lines2) {
            String what = String.join(" ", args);
            Cli viaPicocli = Cli.run(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Integer exit = RunCommand.withoutPicocli(args, () -> new PrintWriter(out, true), () -> new PrintWriter(err, true));
            assertNotNull(exit, what);
            assertEquals(viaPicocli.exit, exit, what);
            assertEquals(viaPicocli.out, out.toString(), what);
            assertEquals(steady(viaPicocli.err), steady(err.toString()), what);
        }
    }

    @Test
    void leavesOtherCommandLinesToPicocli() {
        String x = "examples/order-summary";
        for (String[] args : new String[][] {{"run"}, {"run", "--help"}, {"run", x, "-h"}, {"run", x, "--version"}, {"run", x, "y"},
                {"run", x, "--timeout", "1s", "--timeout", "2s"}, {"run", x, "--concurrency", "many"}, {"run", x, "--dry-run=true"},
                {"run", x, "--dry-run", "--dry-run"}, {"run", x, "--max-depth", "-1"}, {"run", "@args.txt"}, {"run", x, "--", "y"},
                {"run", x, "--unknown"}, {"run", x, "--input"}, {"run", x, "--inputs="}, {"run", "-x"}, {"run", ""},
                {"run", x, "--input", "@file"}, {"run", x, "--env-file", "a\0b"}, {"check", x}, {}}) {
            assertNull(RunCommand.parsedWithoutPicocli(args), String.join(" ", args));
        }
    }

    /**
     * Every option picocli knows for {@code run}, in both its forms ({@code --name value} and
     * {@code --name=value}), either leaves the second parser declining (null: picocli reads it) or sets
     * every field exactly as picocli does; the plain options must be taken by the second parser.
     */
    @Test
    void everyOptionOfPicocliIsReadTheSameOrLeftToIt() throws Exception {
        CommandLine.Model.CommandSpec spec = new CommandLine(new RunCommand()).getCommandSpec();
        List<String> taken = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String name = o.longestName();
            Class<?> type = o.type();
            boolean flag = type == boolean.class || type == Boolean.class;
            String value = type == int.class || type == Integer.class || type == long.class ? "7"
                    : name.equals("--timeout") ? "5s" : "NAME=value";
            List<String[]> forms = flag ? List.<String[]>of(new String[] {"run", "examples/order-summary", name})
                    : List.of(new String[] {"run", "examples/order-summary", name, value},
                            new String[] {"run", name + "=" + value, "examples/order-summary"});
            for (String[] args : forms) {
                RunCommand fast = RunCommand.parsedWithoutPicocli(args);
                if (fast == null) {
                    continue;
                }
                taken.add(name);
                RunCommand slow = new RunCommand();
                new CommandLine(slow).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
                for (java.lang.reflect.Field f : RunCommand.class.getDeclaredFields()) {
                    if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                        f.setAccessible(true);
                        assertEquals(f.get(slow), f.get(fast), String.join(" ", args) + ": field " + f.getName());
                    }
                }
            }
        }
        for (String plain : List.of("--input", "--input-file", "--inputs", "--report", "--concurrency", "--env", "--env-file",
                "--route", "--dry-run", "--timeout", "--verbose", "--max-iterations", "--max-depth")) {
            assertTrue(taken.contains(plain), plain + " is read without picocli");
        }
    }

    /** Timings differ from run to run: the summary's rate and elapsed time, --verbose's milliseconds. */
    private static String steady(String err) {
        return err.replaceAll("\\d+ events/s, elapsed [\\d.]+ s", "N events/s, elapsed N s").replaceAll("finished in \\d+ ms", "finished in N ms");
    }
}
