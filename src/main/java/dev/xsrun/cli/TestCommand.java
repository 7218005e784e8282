package dev.xsrun.cli;

import dev.xsrun.builtins.Builtins;
import dev.xsrun.builtins.NativeBuiltin;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.DiagnosticRenderer;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.http.Route;
import dev.xsrun.load.EnvFiles;
import dev.xsrun.load.JobEnv;
import dev.xsrun.load.JobLoader;
import dev.xsrun.runtime.Env;
import dev.xsrun.runtime.Limits;
import dev.xsrun.runtime.RunContext;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.testing.JUnitReport;
import dev.xsrun.testing.TestReport;
import dev.xsrun.testing.TestRunner;
import dev.xsrun.testing.UnitTest;
import dev.xsrun.value.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xsrun test PATH...}: runs the {@code test} blocks of the functions, queries and middleware found. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the unit tests (test blocks of functions, queries and middleware) found under PATH.", "",
                "A folder holding a run.xs is loaded as one job (like xsrun run); a folder without one is searched",
                "for such job folders, and loaded as a whole when it holds none. Each test runs on its own: a fresh",
                "interpreter and its own in-memory database (datasource = \"live\": a copy of the job's data);",
                "mocks keyed by its name answer.",
                "One line per test on standard output, then `N passed, N failed`.", ""},
        footer = {"", "Examples:",
                "  xsrun test examples/",
                "  xsrun test . --junit report.xml",
                "",
                "Exit codes:",
                "  0 every test passed, 1 a test failed, 2 bad command line, 65 a file does not check"})
public final class TestCommand implements Callable<Integer> {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "job folders, folders of job folders, or .xs files")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "TEXT", description = "run only the tests whose name (or file:name) contains TEXT")
    String filter;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write a JUnit XML report (classname = the document's name)")
    Path junit;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "an environment value (repeatable)")
    List<String> envs = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "a dotenv file of NAME=value lines")
    Path envFile;

    @Option(names = "--route", paramLabel = "FROM=TO", description = "send requests whose URL starts with FROM to TO instead (repeatable)")
    List<String> routes = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", description = "limit for each test: 500ms, 5s, 2m (default 10s)")
    String timeout;

    @Option(names = "--db", paramLabel = "WHERE", description = "the data each test starts from: default empty tables; a SQLite file path (each test gets an in-memory copy); a postgresql:// URL (shared by the tests)")
    String db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter err;
    private final Secrets secrets = new Secrets();

    @Override
    public Integer call() throws Exception {
        return call(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private Integer call(PrintWriter out, PrintWriter errors) throws IOException {
        err = errors;
        try {
            return run(out);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * {@code test PATH...} (paths only) run without building picocli's model, as {@code check} and
     * {@code run} do (see bench/README.md, Start-up): a fifth of a second of a CI step. Returns null for
     * any other command line, which picocli then reads; {@code TestWithoutPicocliTest} holds both
     * ways to the same output and exit code.
     */
    static Integer withoutPicocli(String[] args, Supplier<PrintWriter> out, Supplier<PrintWriter> err) {
        if (args.length < 2 || !args[0].equals("test")) {
            return null;
        }
        TestCommand c = new TestCommand();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
                return null;
            }
            try {
                c.paths.add(Path.of(a));
            } catch (InvalidPathException e) {
                return null;
            }
        }
        return ErrorHandler.withoutPicocli(out, err, false, c::call);
    }

    private int run(PrintWriter out) throws IOException {
        Duration limit = DEFAULT_TIMEOUT;
        if (timeout != null) {
            limit = Durations.parse(timeout);
            if (limit == null) {
                return usage("--timeout: `" + timeout + "` is not a duration such as 500ms, 5s, 2m or 1h");
            }
        }
        List<Route> parsedRoutes = new ArrayList<>();
        for (String r : routes) {
            try {
                parsedRoutes.add(Route.parse(r));
            } catch (IllegalArgumentException e) {
                return usage("--route: " + e.getMessage());
            }
        }
        Map<String, String> explicitEnv = new LinkedHashMap<>();
        for (String e : envs) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                return usage("--env needs NAME=VALUE");
            }
            explicitEnv.put(e.substring(0, eq), e.substring(eq + 1));
            secrets.add(e.substring(eq + 1));
        }
        if (envFile != null && !Files.isRegularFile(envFile)) {
            return usage("--env-file: no such file: " + envFile);
        }
        List<Path> roots = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                return usage("no such folder or file: " + p);
            }
            roots.addAll(roots(p));
        }

        HttpOptions httpOptions = HttpOptions.defaults().withRoutes(parsedRoutes).withLog(err::println).withWarn(this::warn);
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        List<NativeBuiltin> builtins = Builtins.all(new Builtins.Installation(parser::parseInputBlock, httpOptions));
        JobLoader loader = new JobLoader(parser).withoutJob();
        List<JobLoader.Loaded> jobs = new ArrayList<>();
        for (Path root : roots) {
            JobLoader.Loaded loaded = loader.load(root.toString(), System.in);
            DiagnosticRenderer renderer = new DiagnosticRenderer(loaded.sources());
            for (Diagnostic d : loaded.problems()) {
                err.print(secrets.mask(renderer.render(d)));
            }
            if (!loaded.ok()) {
                return ExitCodes.DATA;
            }
            jobs.add(loaded);
        }

        List<java.util.concurrent.Future<TestRunner.Outcome>> pending = new ArrayList<>();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, work -> {
            Thread t = new Thread(work, "xsrun-tests");
            t.setDaemon(true);
            return t;
        });
        for (JobLoader.Loaded loaded : jobs) {
            List<UnitTest> tests = new ArrayList<>();
            for (UnitTest t : UnitTest.in(loaded.documents())) {
                if (filter == null || (t.file() + ":" + t.name()).contains(filter)) {
                    tests.add(t);
                }
            }
            if (tests.isEmpty()) {
                continue;
            }
            List<NativeBuiltin> callable = new ArrayList<>();
            for (NativeBuiltin b : builtins) {
                if (!loaded.program().functions().containsKey(b.name())) {
                    callable.add(b);
                }
            }
            Env env = environment(loaded, callable, explicitEnv);
            if (env == null) {
                pool.shutdownNow();
                return ExitCodes.USAGE;
            }
            TestRunner runner = new TestRunner(t -> RunCommand.context(loaded, env, httpOptions, parser, Limits.defaults(),
                    callable, database(loaded, t), secrets, err), loaded.documents(), limit);
            for (UnitTest t : tests) {
                pending.add(pool.submit(() -> runner.run(t)));
            }
        }
        // tests run in parallel (each in its own run); their lines are printed in the order they were found
        List<TestRunner.Outcome> outcomes = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<TestRunner.Outcome> f : pending) {
                TestRunner.Outcome o = f.get();
                outcomes.add(o);
                out.print(secrets.mask(TestReport.line(o)));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.SOFTWARE;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        out.println(TestReport.summary(outcomes));
        if (junit != null) {
            try {
                JUnitReport.write(junit, outcomes, secrets::mask);
            } catch (IOException e) {
                err.println("xsrun test: cannot write " + junit + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        return outcomes.stream().allMatch(TestRunner.Outcome::passed) ? ExitCodes.OK : 1;
    }

    /**
     * A test's database, its own: the folder's tables, empty; or, with {@code --db FILE}, a copy of that
     * SQLite file; or, for a test with {@code datasource = "live"}, a copy of the job's own database
     * ({@code --db FILE}, else {@code .xsrun/xsrun.db} of the job folder). Copies live in memory, so the
     * file is never written. A PostgreSQL {@code --db} is used as it is, shared by the tests.
     */
    private dev.xsrun.runtime.StatementFamily database(JobLoader.Loaded loaded, UnitTest test) {
        if (dev.xsrun.db.Engine.isServer(db)) {
            return DbCommand.family(loaded, db, secrets);
        }
        Path file = db == null || db.equals("memory") ? null : Path.of(db);
        if (file == null && "live".equals(test.datasource())) {
            file = (loaded.folder() == null ? Path.of(".") : loaded.folder()).resolve(".xsrun").resolve("xsrun.db");
        }
        return file == null ? DbCommand.family(loaded, "memory", secrets) : DbCommand.copyFamily(loaded, file, secrets);
    }

    /** The folders to load under a path: job folders (holding a run.xs) below it, or the path itself. */
    private static List<Path> roots(Path p) throws IOException {
        if (!Files.isDirectory(p) || Files.isRegularFile(p.resolve("run.xs"))) {
            return List.of(p);
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(p)) {
            walk.filter(d -> Files.isRegularFile(d.resolve("run.xs")))
                    .filter(d -> p.relativize(d).toString().chars().noneMatch(c -> c == '.'))
                    .sorted()
                    .forEach(d -> {
                        if (found.stream().noneMatch(d::startsWith)) {
                            found.add(d);
                        }
                    });
        }
        return found.isEmpty() ? List.of(p) : found;
    }

    /**
     * The environment as for run; a name without a value gets a placeholder (tests mock the services
     * that need secrets), with one warning per job.
     */
    private Env environment(JobLoader.Loaded loaded, List<NativeBuiltin> callable, Map<String, String> explicitEnv)
            throws IOException {
        List<String> declared = loaded.program().job() == null ? List.of() : loaded.program().job().env();
        Set<String> builtinNames = new LinkedHashSet<>();
        callable.forEach(b -> builtinNames.addAll(b.envNames()));
        JobEnv.Resolved env;
        try {
            env = JobEnv.resolve(loaded.folder(), new JobEnv.Sources(explicitEnv, envFile, System::getenv), declared,
                    builtinNames, secrets);
        } catch (JobEnv.NoSuchEnvFile | EnvFiles.BadLine e) {
            usage(e.getMessage());
            return null;
        }
        Map<String, String> values = env.values();
        if (!env.missing().isEmpty()) {
            warn(loaded.folder() + ": env " + String.join(", ", env.missing()) + " without value; the tests see placeholders");
            values = env.withPlaceholders();
        }
        return new Env(values, declared, this::warn);
    }

    private void warn(String message) {
        err.println(secrets.mask("warning: " + message));
        err.flush();
    }

    private int usage(String message) {
        err.println("xsrun test: " + secrets.mask(message));
        err.println("Try `xsrun test --help` for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
