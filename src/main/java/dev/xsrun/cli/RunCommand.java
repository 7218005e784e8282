package dev.xsrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.InputField;
import dev.xsrun.builtins.Builtins;
import dev.xsrun.builtins.NativeBuiltin;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.DiagnosticRenderer;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.http.HttpExecutor;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.http.Route;
import dev.xsrun.load.EnvFiles;
import dev.xsrun.load.JobEnv;
import dev.xsrun.load.JobLoader;
import dev.xsrun.runtime.Env;
import dev.xsrun.runtime.Interpreter;
import dev.xsrun.value.Json;
import dev.xsrun.runtime.Limits;
import dev.xsrun.runtime.RunContext;
import dev.xsrun.value.Secrets;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import dev.xsrun.syntax.XsParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xsrun run PATH}: loads a job, binds its input and environment, runs it, prints its result. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a job and print its result as JSON.", "",
                "PATH is a job folder (every .xs file below it is loaded and functions are found by",
                "their declared name), a single .xs file, a multidoc file (documents separated by lines of ---), or",
                "- for standard input. The job's result is printed as JSON on standard output; logs, warnings and",
                "errors go to standard error.", ""},
        footerHeading = "%nEnvironment:%n",
        footer = {"  Every name in the job's env = [...] must have a value, taken from --env, then --env-file, then a",
                "  .env file in the job folder, then the process environment. Values are secrets: they are masked",
                "  (also in base64 form) in everything xsrun prints.",
                "",
                "Examples:",
                "  xsrun run jobs/segment-track-event --dry-run",
                "  xsrun run jobs/segment-track-event --env segment_write_key=$KEY --input event='Signed Up'",
                "  xsrun run examples/order-summary --input coupon=SPRING10",
                "  xsrun run jobs/segment-track-event --env-file .env --inputs events.jsonl --report report.jsonl",
                "",
                "Exit codes:",
                "  0 success, 2 bad command line, 65 invalid source, input or missing env, 69 a remote service",
                "  failed or refused (batch mode: some line failed), 70 the job raised an error, 75 stopped by --timeout"})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "job folder, .xs file, or - for standard input")
    String path;

    @Option(names = "--input", paramLabel = "NAME=VALUE", description = "override one input of main.input; VALUE is read as JSON when it parses as JSON, else as text (repeatable)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--input-file", paramLabel = "FILE", description = "a JSON object merged over main.input (before --input)")
    Path inputFile;

    @Option(names = "--inputs", paramLabel = "FILE", description = "batch mode: run the job once per line of a JSON-lines file (- for standard input), each line merged over main.input; one compact JSON result per line, in input order")
    String inputsFile;

    @Option(names = "--report", paramLabel = "FILE", description = "batch mode: write a JSON-lines delivery report, one line per input line (messageId, bytes, attempts, status, error)")
    String reportFile;

    @Option(names = "--concurrency", paramLabel = "N", description = "batch mode: lines in flight at once (default " + BatchRun.DEFAULT_CONCURRENCY + "); a run that waits for Segment holds a thread")
    Integer concurrency;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "an environment value (repeatable); wins over every other source")
    List<String> envs = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "a dotenv file of NAME=value lines")
    Path envFile;

    @Option(names = "--route", paramLabel = "FROM=TO", description = "send requests whose URL starts with FROM to TO instead, e.g. https://api.segment.io=http://127.0.0.1:8089 (repeatable)")
    List<String> routes = new ArrayList<>();

    @Option(names = "--dry-run", description = "send nothing: print each HTTP request (secrets masked) and answer it from a stand-in; missing env values become placeholders")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "wall-clock limit for the whole run: 500ms, 5s, 2m, 1h (a plain number is seconds)")
    String timeout;

    @Option(names = "--verbose", description = "more detail on standard error: requests, timings, stack traces of internal errors")
    boolean verbose;

    @Option(names = "--db", paramLabel = "WHERE", description = "the database for db.* statements: default .xsrun/xsrun.db in the job folder; memory; a file path; or a postgresql:// URL (also env XSRUN_DB)")
    String db;

    @Option(names = "--max-iterations", paramLabel = "N", description = "stop a loop that runs more than N times (default: ${DEFAULT-VALUE})")
    long maxIterations = Limits.DEFAULT_LOOP_ITERATIONS;

    @Option(names = "--max-depth", paramLabel = "N", description = "stop when function calls nest deeper than N (default: ${DEFAULT-VALUE})")
    int maxDepth = Limits.DEFAULT_CALL_DEPTH;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter err;
    private Secrets secrets;

    @Override
    public Integer call() throws Exception {
        return call(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * {@code xsrun run} without picocli, for a command line of nothing but a path and the options below
     * in their plain forms (what scripts and CI write). Returns null, having printed nothing, for anything
     * else (help, a repeated or unknown option, a value that looks like an option, an {@code @file}, a
     * number that does not parse), which picocli then reads and answers as always.
     *
     * <p>A second option parser beside picocli's, kept in step by {@code RunWithoutPicocliTest}: it is
     * kept because {@code bench/startup.sh --against} a build without it shows building picocli's model
     * to be about a quarter of the CPU of a single {@code run --dry-run} (see bench/README.md, Start-up).
     * Drop it when that stops being true; an option added to the command must be added here too, or
     * be left to picocli (return null).
     */
    static Integer withoutPicocli(String[] args, Supplier<PrintWriter> out, Supplier<PrintWriter> err) {
        RunCommand c = parsedWithoutPicocli(args);
        if (c == null) {
            return null;
        }
        return ErrorHandler.withoutPicocli(out, err, c.verbose, c::call);
    }

    /** The command with its fields set as picocli would set them, or null when picocli must read the line. */
    static RunCommand parsedWithoutPicocli(String[] args) {
        if (args.length < 2 || !args[0].equals("run")) {
            return null;
        }
        RunCommand c = new RunCommand();
        Set<String> seen = new HashSet<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.isEmpty() || a.startsWith("@")) {
                    return null;
                }
                if (!a.startsWith("--")) {
                    if ((a.startsWith("-") && !a.equals("-")) || c.path != null) {
                        return null;
                    }
                    c.path = a;
                    continue;
                }
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                if (name.equals("--dry-run") || name.equals("--verbose")) {
                    if (eq >= 0 || !seen.add(name)) {
                        return null;
                    }
                    if (name.equals("--dry-run")) {
                        c.dryRun = true;
                    } else {
                        c.verbose = true;
                    }
                    continue;
                }
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return null;
                }
                if (value.isEmpty() || value.startsWith("@") || (value.startsWith("-") && !value.equals("-"))) {
                    return null;
                }
                boolean repeatable = name.equals("--input") || name.equals("--env") || name.equals("--route");
                if (!repeatable && !seen.add(name)) {
                    return null;
                }
                switch (name) {
                    case "--input": c.inputs.add(value); break;
                    case "--env": c.envs.add(value); break;
                    case "--route": c.routes.add(value); break;
                    case "--input-file": c.inputFile = Path.of(value); break;
                    case "--inputs": c.inputsFile = value; break;
                    case "--report": c.reportFile = value; break;
                    case "--concurrency": c.concurrency = Integer.valueOf(value); break;
                    case "--env-file": c.envFile = Path.of(value); break;
                    case "--timeout": c.timeout = value; break;
                    case "--db": c.db = value; break;
                    case "--max-iterations": c.maxIterations = Long.parseLong(value); break;
                    case "--max-depth": c.maxDepth = Integer.parseInt(value); break;
                    default: return null;
                }
            }
        } catch (NumberFormatException | InvalidPathException e) {
            return null;
        }
        return c.path == null ? null : c;
    }

    /** The options after their checks: what the run is given besides the job. */
    private record Checked(Duration limit, List<Route> routes, Map<String, String> explicitEnv) {
    }

    /**
     * {@code xsrun run}: checks the options, loads the job, resolves its environment and input, then runs
     * it once or, with {@code --inputs}, once per line.
     */
    private Integer call(PrintWriter out, PrintWriter err) throws Exception {
        this.err = err;
        secrets = new Secrets();
        long started = System.nanoTime();
        Checked checked = checkOptions();
        if (checked == null) {
            return ExitCodes.USAGE;
        }

        HttpOptions httpOptions = HttpOptions.defaults().withRoutes(checked.routes()).withDryRun(dryRun).withVerbose(verbose)
                .withLog(line -> err.println(line)).withWarn(this::warn);
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        List<NativeBuiltin> builtins = Builtins.all(new Builtins.Installation(parser::parseInputBlock, httpOptions));
        if (inputsFile != null) {
            // A batch is most likely a backfill through a built-in: its warm-up (the HTTPS client, which
            // reads the trust store) runs while the job loads, not when the first line is ready.
            startWarmUps(builtins, checked.explicitEnv());
        }
        if (!path.equals("-") && !Files.exists(Path.of(path))) {
            return usage("no such job folder or file: " + path);
        }
        if (Files.isDirectory(Path.of(path).resolve("table")) && !dev.xsrun.db.Engine.isServer(DbCommand.setting(db))) {
            // a job with tables most likely reaches the database: its driver gets ready while the job loads
            dev.xsrun.db.Engine.readySqliteInBackground();
        }
        JobLoader.Loaded loaded = new JobLoader(parser).load(path, System.in);
        DiagnosticRenderer renderer = new DiagnosticRenderer(loaded.sources());
        for (Diagnostic d : loaded.problems()) {
            err.print(mask(renderer.render(d)));
        }
        if (!loaded.ok()) {
            err.flush();
            return ExitCodes.DATA;
        }
        Document.RunJob job = loaded.program().job();
        // the built-ins the job can call: those whose name none of its functions takes
        List<NativeBuiltin> callable = new ArrayList<>();
        for (NativeBuiltin b : builtins) {
            if (!loaded.program().functions().containsKey(b.name())) {
                callable.add(b);
            }
        }

        Map<String, String> envValues = environment(loaded, job, callable, checked.explicitEnv());
        if (envValues == null) {
            return ExitCodes.DATA;
        }

        JsonNode input;
        try {
            input = mainInput(job);
        } catch (UsageProblem p) {
            return usage(p.getMessage());
        } catch (BadInput b) {
            err.println("xsrun run: " + mask(b.getMessage()));
            err.flush();
            return ExitCodes.DATA;
        }
        if (!entryPointsFound(loaded, job, callable, renderer)) {
            return ExitCodes.DATA;
        }
        Document.FunctionDef mainFunction = loaded.program().functions().get(job.main().name());
        if (mainFunction != null) {
            registerSensitive(mainFunction.inputs(), input);
        }

        if (maxIterations < 1 || maxDepth < 1) {
            return usage("--max-iterations and --max-depth must be at least 1");
        }
        Limits limits = new Limits(maxIterations, maxDepth, Limits.DEFAULT_VALUE_BYTES, Long.MAX_VALUE);
        if (checked.limit() != null) {
            limits = limits.withDeadline(started + checked.limit().toNanos());
        }
        RunContext ctx = context(loaded, new Env(envValues, job.env(), this::warn), httpOptions, parser, limits, callable,
                db, secrets, err);

        if (inputsFile != null) {
            BatchRun.Setup setup = new BatchRun.Setup(ctx, callable, job.name(), (ObjectNode) input, inputsFile, reportFile,
                    concurrency == null ? BatchRun.DEFAULT_CONCURRENCY : concurrency,
                    checked.limit() == null ? Long.MAX_VALUE : started + checked.limit().toNanos(), timeout,
                    !verbose && !dryRun && Terminal.stderrIsTerminal(), httpOptions, secrets,
                    mainFunction == null || !hasSensitive(mainFunction.inputs()) ? null : line -> sensitiveValues(mainFunction.inputs(), line));
            return new BatchRun(setup, out, err).run();
        }
        return runOnce(ctx, input, loaded, job, checked.limit(), started, out);
    }

    /**
     * Checks the options that need no job and reads {@code --timeout}, {@code --route} and {@code --env}
     * (whose values become secrets at once); null, with the problem printed, when one is wrong.
     */
    private Checked checkOptions() {
        Duration limit = null;
        if (timeout != null) {
            limit = Durations.parse(timeout);
            if (limit == null) {
                usage("--timeout: `" + timeout + "` is not a duration such as 500ms, 5s, 2m or 1h");
                return null;
            }
        }
        if (inputsFile == null && (reportFile != null || concurrency != null)) {
            usage((reportFile != null ? "--report" : "--concurrency") + " needs --inputs FILE (batch mode)");
            return null;
        }
        if (inputsFile != null) {
            if (concurrency != null && (concurrency < 1 || concurrency > 10_000)) {
                usage("--concurrency must be between 1 and 10000, got " + concurrency);
                return null;
            }
            if (inputsFile.equals("-") && "-".equals(path)) {
                usage("--inputs - reads standard input, which already holds the job; give the job as a file or folder");
                return null;
            }
            if (!inputsFile.equals("-") && !Files.isRegularFile(Path.of(inputsFile))) {
                usage("--inputs: no such file: " + inputsFile);
                return null;
            }
            if (reportFile != null) {
                Path parent = Path.of(reportFile).toAbsolutePath().getParent();
                if (Files.isDirectory(Path.of(reportFile)) || (parent != null && !Files.isDirectory(parent))) {
                    usage("--report: cannot write " + reportFile);
                    return null;
                }
            }
        }
        List<Route> parsedRoutes = new ArrayList<>();
        for (String r : routes) {
            try {
                parsedRoutes.add(Route.parse(r));
            } catch (IllegalArgumentException e) {
                usage("--route: " + e.getMessage());
                return null;
            }
        }
        Map<String, String> explicitEnv = new LinkedHashMap<>();
        for (String e : envs) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                usage("--env needs NAME=VALUE, got `" + maskedArg(e) + "`");
                return null;
            }
            explicitEnv.put(e.substring(0, eq), e.substring(eq + 1));
            secrets.add(e.substring(eq + 1));
        }
        return new Checked(limit, parsedRoutes, explicitEnv);
    }

    /** Starts each built-in's warm-up on a daemon thread; a failure there is met again where the work is needed. */
    private static void startWarmUps(List<NativeBuiltin> builtins, Map<String, String> explicitEnv) {
        for (NativeBuiltin b : builtins) {
            Runnable work = b.warmUp(explicitEnv::get);
            if (work != null) {
                Thread warm = new Thread(work, "xsrun-warmup-" + b.name());
                warm.setDaemon(true);
                warm.setUncaughtExceptionHandler((t, e) -> { });
                warm.start();
            }
        }
    }

    /**
     * The job's environment (see {@link JobEnv}), with placeholders and a warning for each missing name
     * under {@code --dry-run}; null, with the problem printed, when a value is missing or a file is bad.
     */
    private Map<String, String> environment(JobLoader.Loaded loaded, Document.RunJob job, List<NativeBuiltin> callable,
                                            Map<String, String> explicitEnv) throws IOException {
        Set<String> builtinNames = new LinkedHashSet<>();
        callable.forEach(b -> builtinNames.addAll(b.envNames()));
        JobEnv.Resolved env;
        try {
            env = JobEnv.resolve(loaded.folder(), new JobEnv.Sources(explicitEnv, envFile, System::getenv), job.env(),
                    builtinNames, secrets);
        } catch (JobEnv.NoSuchEnvFile e) {
            usage(e.getMessage());
            return null;
        } catch (EnvFiles.BadLine bad) {
            err.println("xsrun: " + bad.getMessage());
            err.flush();
            return null;
        }
        if (env.missing().isEmpty()) {
            return env.values();
        }
        if (dryRun) {
            for (String name : env.missing()) {
                warn("env " + name + " has no value; --dry-run uses the placeholder `" + JobEnv.Resolved.placeholder(name) + "`");
            }
            return env.withPlaceholders();
        }
        List<String> missing = env.missing();
        err.println(job.span() + ": missing environment value" + (missing.size() == 1 ? "" : "s") + ": "
                + String.join(", ", missing));
        err.println("  give " + (missing.size() == 1 ? "it" : "them") + " with --env NAME=VALUE, --env-file FILE, a .env file in the job folder, or the process environment");
        err.flush();
        return null;
    }

    /** Whether main, pre and post each name a function of the job or a built-in; prints the problem otherwise. */
    private boolean entryPointsFound(JobLoader.Loaded loaded, Document.RunJob job, List<NativeBuiltin> callable,
                                     DiagnosticRenderer renderer) {
        for (Document.FunctionRef ref : java.util.Arrays.asList(job.main(), job.pre(), job.post())) {
            if (ref != null && !loaded.program().functions().containsKey(ref.name()) && !isNamed(callable, ref.name())) {
                java.util.Set<String> known = new java.util.TreeSet<>(loaded.program().functions().keySet());
                callable.forEach(b -> known.add(b.name()));
                err.print(mask(renderer.render(Diagnostic.error(ref.span(), "Unable to locate function: " + ref.name()
                        + dev.xsrun.diag.Suggestions.hint(ref.name(), known)
                        + (known.size() > 1 ? "" : " (no .xs file of the job declares a function)")))));
                err.flush();
                return false;
            }
        }
        return true;
    }

    /**
     * The services of a run (also each test's, for {@code xsrun test}): logs and warnings to standard
     * error, masked; HTTP through the options; the database {@code db} names; the callable built-ins.
     */
    static RunContext context(JobLoader.Loaded loaded, Env env, HttpOptions httpOptions, XsParser parser, Limits limits,
                              List<NativeBuiltin> callable, String db, Secrets secrets, PrintWriter err) {
        return context(loaded, env, httpOptions, parser, limits, callable, DbCommand.family(loaded, db, secrets), secrets, err);
    }

    /** As above, with the db.* statements given (xsrun test gives each test its own database). */
    static RunContext context(JobLoader.Loaded loaded, Env env, HttpOptions httpOptions, XsParser parser, Limits limits,
                              List<NativeBuiltin> callable, dev.xsrun.runtime.StatementFamily database, Secrets secrets,
                              PrintWriter err) {
        RunContext.Builder context = RunContext.builder(loaded.program())
                .env(env)
                .http(new HttpExecutor(httpOptions, secrets)::execute)
                .filters(FilterRegistry.standard())
                .debugLog(line -> {
                    err.println(secrets.mask(line));
                    err.flush();
                })
                .warnings(message -> {
                    err.println(secrets.mask("warning: " + message));
                    err.flush();
                })
                .limits(limits)
                .expressionParser(text -> toExpr(parser, text))
                .secrets(secrets)
                .statements(database);
        callable.forEach(context::builtin);
        return context.build();
    }

    private static boolean isNamed(List<NativeBuiltin> builtins, String name) {
        for (NativeBuiltin b : builtins) {
            if (b.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** One run of the job on its own thread (a deep stack for deep recursion), bounded by --timeout. */
    private int runOnce(RunContext ctx, JsonNode input, JobLoader.Loaded loaded, Document.RunJob job, Duration limit,
                        long started, PrintWriter out) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                outcome.set(new Interpreter(ctx).runJob(input));
            } catch (Interpreter.StopSignal stop) {
                outcome.set(stop);
            } catch (XsError e) {
                outcome.set(e);
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "xsrun-job", 512L * 1024 * 1024);
        worker.setDaemon(true);
        worker.start();
        if (limit != null) {
            long waitMs = Math.max(1, limit.toMillis() - (System.nanoTime() - started) / 1_000_000);
            worker.join(waitMs + 250);
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(500);
                err.println("xsrun: stopped by --timeout after " + timeout);
                err.flush();
                return ExitCodes.TIMEOUT;
            }
        } else {
            worker.join();
        }
        Object result = outcome.get();
        if (verbose) {
            err.println("[xsrun] finished in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        if (result instanceof Interpreter.StopSignal) {
            Interpreter.StopSignal stop = (Interpreter.StopSignal) result;
            err.println("stopped by debug.stop at " + stop.at);
            out.println(mask(Json.pretty(stop.value)));
            out.flush();
            err.flush();
            return ExitCodes.OK;
        }
        if (result instanceof XsError) {
            XsError e = (XsError) result;
            report(e, loaded, job);
            return e.kind().exitCode;
        }
        if (result instanceof Throwable) {
            Throwable t = (Throwable) result;
            if (t instanceof StackOverflowError) {
                err.println("xsrun: the job nested too deeply (stack exhausted)");
            } else {
                err.println(mask("xsrun: internal error: " + t));
                if (verbose) {
                    java.io.StringWriter sw = new java.io.StringWriter();
                    t.printStackTrace(new PrintWriter(sw));
                    err.print(mask(sw.toString()));
                } else {
                    err.println("(run again with --verbose for details)");
                }
            }
            err.flush();
            return ExitCodes.SOFTWARE;
        }
        out.println(mask(Json.pretty((JsonNode) result)));
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    /** Input given on the command line that is not valid (exit 65, like other invalid input). */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    /** A problem with the command line found while reading it. */
    private static final class UsageProblem extends Exception {
        UsageProblem(String message) {
            super(message);
        }
    }

    private JsonNode mainInput(Document.RunJob job) throws UsageProblem, BadInput, IOException {
        ObjectNode input = job.main().input().deepCopy();
        if (inputFile != null) {
            if (!Files.isRegularFile(inputFile)) {
                throw new UsageProblem("--input-file: no such file: " + inputFile);
            }
            String text = new String(Files.readAllBytes(inputFile), StandardCharsets.UTF_8);
            JsonNode parsed;
            try {
                parsed = Json.parse(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                com.fasterxml.jackson.core.JsonLocation loc = e.getLocation();
                throw new BadInput("--input-file: " + inputFile + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                        + ": not valid JSON (" + e.getOriginalMessage().split("\n")[0] + ")");
            }
            if (!parsed.isObject()) {
                throw new BadInput("--input-file: " + inputFile + " must hold a JSON object, found " + Values.typeName(parsed));
            }
            input.setAll((ObjectNode) parsed);
        }
        for (String assignment : inputs) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UsageProblem("--input needs NAME=VALUE, got `" + assignment + "`");
            }
            String value = assignment.substring(eq + 1);
            JsonNode parsed = Json.tryParse(value);
            input.set(assignment.substring(0, eq), parsed == null ? Values.of(value) : parsed);
        }
        return input;
    }

    private void registerSensitive(List<InputField> fields, JsonNode input) {
        sensitiveValues(fields, input).forEach(secrets::add);
    }

    /** The values of the inputs declared sensitive (a list or object also element by element). */
    private static List<String> sensitiveValues(List<InputField> fields, JsonNode input) {
        List<String> out = new ArrayList<>();
        collectSensitive(fields, input, out);
        return out;
    }

    private static void collectSensitive(List<InputField> fields, JsonNode input, List<String> out) {
        for (InputField f : fields) {
            JsonNode v = input.get(f.name());
            if (v == null) {
                continue;
            }
            if (f.sensitive()) {
                if (v.isContainerNode()) {
                    out.add(Json.encode(v));
                    v.forEach(e -> out.add(Values.toText(e)));
                } else {
                    out.add(Values.toText(v));
                }
            }
            if (!f.schema().isEmpty() && v.isObject()) {
                collectSensitive(f.schema(), v, out);
            }
        }
    }

    private static boolean hasSensitive(List<InputField> fields) {
        for (InputField f : fields) {
            if (f.sensitive() || hasSensitive(f.schema())) {
                return true;
            }
        }
        return false;
    }

    private static dev.xsrun.ast.Expr toExpr(XsParser parser, String text) {
        List<Diagnostic> problems = new ArrayList<>();
        dev.xsrun.ast.Expr e = parser.parseExpression("<to_expr>", text, problems);
        if (e == null) {
            String first = problems.isEmpty() ? "invalid expression" : problems.get(0).message();
            throw XsError.fatal("to_expr: " + first);
        }
        return e;
    }

    private void report(XsError e, JobLoader.Loaded loaded, Document.RunJob job) {
        SourceSpan at = e.span();
        String message = e.getMessage();
        if (at != null && at.isKnown()) {
            err.print(mask(new DiagnosticRenderer(loaded.sources()).render(Diagnostic.error(at, message))));
        } else {
            err.println(mask("xsrun: " + message));
        }
        StringBuilder detail = new StringBuilder("  ").append(e.code());
        if (!e.name().equals("standard") && !e.name().equals(e.code())) {
            detail.append(" (").append(e.name()).append(')');
        }
        if (!e.payload().isNull()) {
            detail.append(" payload: ").append(Json.encode(e.payload()));
        }
        err.println(mask(detail.toString()));
        err.flush();
    }

    private void warn(String message) {
        err.println(mask("warning: " + message));
        err.flush();
    }

    private String mask(String text) {
        return secrets.mask(text);
    }

    private String maskedArg(String arg) {
        return arg.length() > 12 ? arg.substring(0, 6) + "..." : arg;
    }

    private int usage(String message) {
        err.println("xsrun run: " + mask(message));
        err.println("Try `xsrun run --help` for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
