package dev.xsrun.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Document;
import dev.xsrun.builtins.BatchHook;
import dev.xsrun.builtins.NativeBuiltin;
import dev.xsrun.http.Delivery;
import dev.xsrun.http.HttpExecutor;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.runtime.Interpreter;
import dev.xsrun.value.Json;
import dev.xsrun.runtime.RunContext;
import dev.xsrun.value.Secrets;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Batch mode, {@code xsrun run JOB --inputs FILE}: runs the job once per JSON line of a file, each line
 * merged over the job's input, on a bounded pool of threads, and prints one compact JSON line per input
 * line on standard output in input order: the job's result, or {@code {"line": N, "error": {...}}}.
 *
 * <p>Lines are read as they are needed: at most {@code window} lines are read and not yet printed, so
 * memory stays flat for a file of millions of lines. A built-in with a {@link BatchHook} (Segment's
 * sends its messages in shared batches) gets a {@link BatchHook.Line} per pool thread, pointed at each
 * line in turn. When XanoScript runs around its call, the run waits for the built-in's answer on its
 * thread, so the pool has {@code --concurrency} threads; when the job is the built-in alone, nothing
 * can see the answer before the run ends, so the run returns at once and its line is completed when
 * the answer comes, and the pool needs only a thread per core.
 *
 * <p>On standard error: a message naming the line for each failed line, a progress bar when standard
 * error is a terminal, and a summary line at the end. {@code --report FILE} gets one JSON line per
 * input line with its messageId, bytes, attempts, final status and error.
 */
final class BatchRun {
    /** Lines in flight at once unless --concurrency says otherwise: runs that wait each hold a thread. */
    static final int DEFAULT_CONCURRENCY = 512;
    /** Stack of each pool thread: deep enough for the 256 nested calls a run may make; only what is used is memory. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;
    /** What the run command hands over: the loaded job and everything decided from the command line. */
    record Setup(RunContext template, List<NativeBuiltin> builtins, String jobName, ObjectNode baseInput, String inputs,
                 String report, int concurrency, long deadlineNanos, String timeoutText, boolean progress, HttpOptions http,
                 Secrets secrets, Function<JsonNode, List<String>> sensitiveValues) {
        Setup {
            Objects.requireNonNull(template);
            builtins = List.copyOf(builtins);
            Objects.requireNonNull(baseInput);
            Objects.requireNonNull(inputs);
            Objects.requireNonNull(http);
            Objects.requireNonNull(secrets);
        }
    }

    /**
     * What became of one input line, ready to print: its standard output line, its report line (null
     * without --report) and, when it failed, the sentence for standard error. Built (and masked) on the
     * thread that ran the line, so the printing thread only writes.
     */
    private record Outcome(long line, boolean ok, boolean retried, String out, String report, String problem) {
    }

    /** A line read and not yet printed. */
    private static final class Slot {
        final long line;
        final CompletableFuture<Outcome> done = new CompletableFuture<>();

        Slot(long line) {
            this.line = line;
        }
    }

    /**
     * What one pool thread keeps from line to line: an interpreter (building one per line would cost
     * more than running the line) over a context whose built-ins with a batch hook are bound to this
     * thread's {@link BatchHook.Line}s, pointed at each line in turn. An interpreter keeps nothing of a
     * run after it returns but caches of the shared, immutable program.
     */
    private final class Runner {
        final List<BatchHook.Line> lines = new ArrayList<>(sessions.size());
        /** The run's secrets and those of the line this thread runs: for its logs and its HTTP calls. */
        final Secrets secrets = s.secrets().view();
        final Interpreter interpreter;
        long number;

        Runner() {
            RunContext.Builder ctx = s.template().toBuilder()
                    .http(new HttpExecutor(s.http(), secrets)::execute)
                    .secrets(secrets)
                    .debugLog(text -> stderr(secrets, fileName + ":" + number + ": " + text))
                    .warnings(text -> stderr(secrets, "warning: " + fileName + ":" + number + ": " + text));
            for (BatchHook.Session session : sessions) {
                BatchHook.Line line = session.newLine();
                lines.add(line);
                ctx.builtin(line.builtin());
            }
            interpreter = new Interpreter(ctx.build());
        }

        void start(long lineNumber, byte[] raw) {
            number = lineNumber;
            for (BatchHook.Line line : lines) {
                line.start(lineNumber, raw);
            }
        }

        List<Delivery> deliveries() {
            if (lines.size() == 1) {
                return lines.get(0).deliveries();
            }
            List<Delivery> all = new ArrayList<>();
            lines.forEach(l -> all.addAll(l.deliveries()));
            return all;
        }

        BatchHook.Deferred takeDeferred() {
            BatchHook.Deferred found = null;
            for (BatchHook.Line line : lines) {
                BatchHook.Deferred d = line.takeDeferred();
                found = found == null ? d : found;
            }
            return found;
        }
    }

    private final Setup s;
    private final String fileName;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Writer stdout;
    private final AtomicInteger active = new AtomicInteger();
    /** Set once the input's last line was read; with {@link #active}, tells the last run that it was the last. */
    private volatile boolean allRead;
    /** The batch hooks of the built-ins the job can call, opened for this run. */
    private final List<BatchHook.Session> sessions = new ArrayList<>();
    private final ThreadLocal<Runner> runners = ThreadLocal.withInitial(Runner::new);
    private final Progress progress;
    /** The job is a built-in with a batch hook, alone: runs need not wait for its answer (see BatchHook.Batch). */
    private final boolean answerLater;
    private final int window;
    private ThreadPoolExecutor pool;

    private long ok;
    private long failed;
    private long retried;
    private long done;

    BatchRun(Setup setup, PrintWriter out, PrintWriter err) {
        this.s = setup;
        this.fileName = setup.inputs().equals("-") ? "-" : String.valueOf(Path.of(setup.inputs()).getFileName());
        this.out = out;
        this.err = err;
        this.stdout = new BufferedWriter(out, 1 << 16);
        this.progress = new Progress(setup.progress(), err);
        RunContext t = setup.template();
        Document.RunJob job = t.program().job();
        List<BatchHook> hooks = new ArrayList<>();
        BatchHook alone = null;
        for (NativeBuiltin b : setup.builtins()) {
            BatchHook hook = b.batchHook(); // asked once: each answer may be a new hook
            if (hook != null && !t.program().functions().containsKey(b.name())) {
                hooks.add(hook);
                if (job != null && job.main().name().equals(b.name()) && job.pre() == null && job.post() == null) {
                    alone = hook;
                }
            }
        }
        this.answerLater = alone != null;
        // Lines in flight are live data that every young collection copies: runs that do not wait need
        // only as many as the built-in says keep its requests full.
        int lines = setup.concurrency() * 8;
        this.window = Math.max(64, answerLater ? Math.min(lines, alone.answerLaterWindow()) : lines);
        for (BatchHook hook : hooks) {
            sessions.add(hook.open(new BatchHook.Batch(setup.jobName(), fileName, setup.concurrency(), window,
                    hook == alone, active::get, setup.secrets())));
        }
    }

    /** Runs every line and returns the exit code: 0 all delivered, 69 some not, 75 stopped by --timeout. */
    int run() throws IOException {
        long started = System.nanoTime();
        String where = s.inputs().equals("-") ? "standard input" : s.inputs();
        if (s.progress() && !s.inputs().equals("-")) {
            progress.countLinesOf(Path.of(s.inputs()));
        }
        // Runs that wait for Segment need a thread each; runs that do not (answerLater) only need CPUs.
        pool = pool(answerLater ? Math.min(s.concurrency(), Math.max(2, Runtime.getRuntime().availableProcessors())) : s.concurrency());
        ArrayDeque<Slot> pendingLines = new ArrayDeque<>();
        boolean stopped = false;
        allRead = false;
        long lastPaint = started;
        InputStream in = s.inputs().equals("-") ? System.in : Files.newInputStream(Path.of(s.inputs()));
        try (LineReader reader = new LineReader(in, s.template().limits().maxValueBytes());
             Writer report = s.report() == null ? null : Files.newBufferedWriter(Path.of(s.report()), StandardCharsets.UTF_8)) {
            while (true) {
                while (!pendingLines.isEmpty() && pendingLines.peekFirst().done.isDone()) {
                    emit(pendingLines.pollFirst().done.join(), report);
                }
                long now = System.nanoTime();
                if (now - lastPaint > PROGRESS_EVERY_NANOS) {
                    lastPaint = now;
                    stdout.flush();
                    progress.paint(done, now - started, resent());
                }
                if (now > s.deadlineNanos()) {
                    stopped = true;
                    break;
                }
                if (!allRead && pendingLines.size() < window) {
                    LineReader.Line line = reader.next();
                    if (line == null) {
                        allRead = true;
                    } else if (!line.blank()) {
                        Slot slot = new Slot(line.number());
                        pendingLines.addLast(slot);
                        active.incrementAndGet();
                        try {
                            pool.execute(() -> runLine(line, slot));
                        } catch (RejectedExecutionException e) {
                            active.decrementAndGet();
                            slot.done.complete(failed(line.number(), XsError.fatal("stopped before this line ran"), ExitCodes.SOFTWARE, List.of()));
                        }
                    }
                    continue;
                }
                if (pendingLines.isEmpty()) {
                    break;
                }
                if (answerLater && active.get() == 0) {
                    // Nothing is running and no line can be read: what is pending is all that will come.
                    sessions.forEach(BatchHook.Session::inputDone);
                }
                try {
                    long waitMs = Math.max(1, Math.min(100, (s.deadlineNanos() - System.nanoTime()) / 1_000_000));
                    pendingLines.peekFirst().done.get(waitMs, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // not yet: paint, check the deadline, wait again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                    break;
                }
            }
            if (stopped) {
                // What had finished before the stop is printed as it was; the rest is cut short by the
                // stop itself (its runs see an interrupt), and is reported as stopped, not as their own error.
                List<Outcome> finished = new ArrayList<>();
                for (Slot slot : pendingLines) {
                    finished.add(slot.done.getNow(null));
                }
                pool.shutdownNow();
                sessions.forEach(BatchHook.Session::close);
                int i = 0;
                for (Slot slot : pendingLines) {
                    Outcome o = finished.get(i++);
                    emit(o != null ? o : failed(slot.line, new XsError(XsError.Kind.TIMEOUT, XsError.FATAL, "timeout", 500,
                            "stopped by --timeout before this line finished", null, null), ExitCodes.TIMEOUT, List.of()), report);
                }
            }
        } finally {
            pool.shutdownNow();
            sessions.forEach(BatchHook.Session::close);
            stdout.flush();
            out.flush();
        }
        progress.clear();
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder summary = new StringBuilder("xsrun: ").append(done).append(done == 1 ? " line" : " lines")
                .append(" of ").append(where).append(": ").append(ok).append(" ok, ").append(failed).append(" failed, ")
                .append(retried).append(" retried; ")
                .append(String.format(Locale.ROOT, "%.0f events/s, elapsed %.2f s", seconds > 0 ? done / seconds : 0.0, seconds));
        List<String> said = new ArrayList<>();
        for (BatchHook.Session session : sessions) {
            String line = session.summary();
            if (line != null) {
                said.add(line);
            }
        }
        if (!said.isEmpty()) {
            summary.append(" (").append(String.join("; ", said)).append(')');
        }
        if (stopped) {
            summary.append("; stopped by --timeout after ").append(s.timeoutText()).append(": the lines after the last one printed did not run");
        }
        if (s.report() != null) {
            summary.append("; report in ").append(s.report());
        }
        err.println(mask(summary.toString()));
        err.flush();
        if (stopped) {
            return ExitCodes.TIMEOUT;
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }

    private long resent() {
        long n = 0;
        for (BatchHook.Session session : sessions) {
            n += session.resent();
        }
        return n;
    }

    private ThreadPoolExecutor pool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(null, r, "xsrun-line-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Parses a line and, when it holds a JSON object, runs the job on it; on a pool thread. Completes the
     * slot now, or, when the run left a built-in's call to be answered later, once the answer has come.
     */
    private void runLine(LineReader.Line raw, Slot slot) {
        Outcome now;
        try {
            now = run(raw, slot);
        } catch (RuntimeException | Error e) {
            now = failed(raw.number(), XsError.fatal("internal error: " + e), ExitCodes.SOFTWARE, List.of());
        } finally {
            boolean last = active.decrementAndGet() == 0 && allRead;
            for (BatchHook.Session session : sessions) {
                session.lineFinished(last);
            }
        }
        if (now != null) {
            slot.done.complete(now);
        }
    }

    /** The line's outcome, or null when it will complete the slot itself once Segment answers. */
    private Outcome run(LineReader.Line raw, Slot slot) {
        long line = raw.number();
        if (raw.tooLong()) {
            return malformed(line, "longer than " + s.template().limits().maxValueBytes() + " bytes");
        }
        JsonNode parsed;
        try (JsonParser p = Json.parser(raw.bytes())) {
            parsed = Json.read(p);
            if (parsed != null && p.nextToken() != null) {
                return malformed(line, "not valid JSON: more text after the value at column " + p.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            return malformed(line, "not valid JSON" + (loc == null ? "" : " at column " + loc.getColumnNr())
                    + " (" + e.getOriginalMessage().split("\n")[0] + ")");
        } catch (IOException e) {
            return malformed(line, "unreadable: " + e.getMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            return malformed(line, "not a JSON object but " + (parsed == null ? "empty" : Values.typeName(parsed)));
        }
        ObjectNode input = mergedOverBase((ObjectNode) parsed);
        // The line's sensitive values are masked in what this line prints, and nowhere else: the run's
        // registry stays the same size however many lines there are.
        Secrets masks = s.sensitiveValues() == null ? s.secrets() : s.secrets().scope(s.sensitiveValues().apply(input));
        Runner runner = runners.get();
        runner.secrets.point(masks);
        runner.start(line, raw.bytes());
        JsonNode result;
        try {
            try {
                result = runner.interpreter.runJob(input);
            } catch (Interpreter.StopSignal stop) {
                result = stop.value;
            }
        } catch (XsError e) {
            return failed(line, e, e.kind().exitCode, runner.deliveries(), masks);
        } catch (StackOverflowError e) {
            return failed(line, XsError.fatal("the job nested too deeply (stack exhausted)"), ExitCodes.SOFTWARE, runner.deliveries(), masks);
        }
        BatchHook.Deferred later = runner.takeDeferred();
        if (later == null) {
            return succeeded(line, Json.encode(result), runner.deliveries(), masks);
        }
        List<Delivery> before = runner.deliveries();
        later.delivery().thenAccept(d -> {
            Runnable finish = () -> slot.done.complete(answered(line, later, d, before, masks));
            try {
                pool.execute(finish); // encoding the result is work for the pool, not for the sender
            } catch (RejectedExecutionException e) {
                finish.run();
            }
        });
        return null;
    }

    /**
     * The line's fields over main.input, in main.input's key order then the line's own: what
     * {@code base.deepCopy().setAll(line)} gives, without copying the base values the line replaces.
     */
    private ObjectNode mergedOverBase(ObjectNode line) {
        ObjectNode base = s.baseInput();
        if (base.isEmpty()) {
            return line;
        }
        ObjectNode input = Values.object();
        base.fields().forEachRemaining(e -> {
            JsonNode mine = line.get(e.getKey());
            input.set(e.getKey(), mine != null ? mine : e.getValue().deepCopy());
        });
        line.fields().forEachRemaining(e -> {
            if (!base.has(e.getKey())) {
                input.set(e.getKey(), e.getValue());
            }
        });
        return input;
    }

    /** A deferred Segment call answered: the outcome the run would have had had it waited. */
    private Outcome answered(long line, BatchHook.Deferred later, Delivery d, List<Delivery> before, Secrets masks) {
        List<Delivery> all;
        if (before.isEmpty()) {
            all = List.of(d);
        } else {
            all = new ArrayList<>(before);
            all.add(d);
        }
        try {
            if (d.delivered()) {
                return succeeded(line, later.resultJson().apply(d.response()), all, masks);
            }
            return failed(line, XsError.service(d.error()).at(s.template().program().job().main().span()), ExitCodes.UNAVAILABLE, all, masks);
        } catch (RuntimeException e) {
            return failed(line, XsError.fatal("internal error: " + e), ExitCodes.SOFTWARE, all, masks);
        }
    }

    private Outcome malformed(long line, String why) {
        return failed(line, XsError.input("input line " + line + " is " + why, null), ExitCodes.DATA, List.of());
    }

    private Outcome succeeded(long line, String resultJson, List<Delivery> deliveries, Secrets masks) {
        String undelivered = null;
        for (Delivery d : deliveries) {
            if (!d.delivered()) {
                undelivered = d.error();
                break;
            }
        }
        ObjectNode error = null;
        if (undelivered != null) {
            error = XsError.service(undelivered).toJson();
            error.put("exit", ExitCodes.UNAVAILABLE);
        }
        String problem = undelivered == null ? null : "not delivered (the job caught the failure and went on): " + undelivered;
        return outcome(line, resultJson, error, problem, deliveries, masks);
    }

    /** A failed line's outcome, masked with the run's secrets (the line's input is not known). */
    private Outcome failed(long line, XsError e, int exit, List<Delivery> deliveries) {
        return failed(line, e, exit, deliveries, s.secrets());
    }

    private Outcome failed(long line, XsError e, int exit, List<Delivery> deliveries, Secrets masks) {
        ObjectNode error = e.toJson();
        error.put("exit", exit);
        String at = e.span() != null && e.span().isKnown() ? e.span().toString() : null;
        if (at != null) {
            error.put("at", at);
        }
        ObjectNode wrapped = Values.object();
        wrapped.put("line", line);
        wrapped.set("error", error);
        return outcome(line, Json.encode(wrapped), error, e.getMessage() + (at == null ? "" : " (at " + at + ")"), deliveries, masks);
    }

    private Outcome outcome(long line, String stdoutLine, ObjectNode error, String problem, List<Delivery> deliveries, Secrets masks) {
        boolean lineOk = problem == null;
        boolean wasRetried = false;
        for (Delivery d : deliveries) {
            wasRetried |= d.attempts() > 1;
        }
        String report = s.report() == null ? null : masks.mask(Json.encode(reportLine(line, lineOk, error, deliveries)));
        return new Outcome(line, lineOk, wasRetried, masks.mask(stdoutLine), report,
                problem == null ? null : masks.mask(fileName + ":" + line + ": " + problem));
    }

    /** Prints one line's outcome (standard output, report, standard error) and counts it. */
    private void emit(Outcome o, Writer report) throws IOException {
        done++;
        if (o.ok()) {
            ok++;
        } else {
            failed++;
        }
        if (o.retried()) {
            retried++;
        }
        stdout.write(o.out());
        stdout.write('\n');
        if (o.problem() != null) {
            stderr(o.problem());
        }
        if (report != null) {
            report.write(o.report());
            report.write('\n');
        }
    }

    /** {line, status, message_id, messages, bytes, attempts, http_status, error}; see the README. */
    private static ObjectNode reportLine(long line, boolean lineOk, ObjectNode error, List<Delivery> ds) {
        ObjectNode r = Values.object();
        r.put("line", line);
        r.put("status", !lineOk ? "failed" : ds.isEmpty() ? "ok" : "delivered");
        if (ds.isEmpty()) {
            r.putNull("message_id");
        } else {
            r.put("message_id", ds.get(0).messageId());
        }
        r.put("messages", ds.size());
        long bytes = 0;
        int attempts = 0;
        for (Delivery d : ds) {
            bytes += d.bytes();
            attempts = Math.max(attempts, d.attempts());
        }
        r.put("bytes", bytes);
        r.put("attempts", attempts);
        if (ds.isEmpty() || ds.get(ds.size() - 1).status() == 0) {
            r.putNull("http_status");
        } else {
            r.put("http_status", ds.get(ds.size() - 1).status());
        }
        if (error == null) {
            r.putNull("error");
        } else {
            r.set("error", error);
        }
        return r;
    }

    /** A line on standard error, masked, that does not tear the progress bar. */
    private void stderr(String line) {
        stderr(s.secrets(), line);
    }

    private void stderr(Secrets masks, String line) {
        String masked = masks.mask(line);
        synchronized (progress) {
            progress.clear();
            err.println(masked);
            err.flush();
        }
    }

    private String mask(String text) {
        return s.secrets().mask(text);
    }

    /** The progress bar: lines done, rate, retries, ETA, redrawn in place on a terminal; nothing otherwise. */
    static final class Progress {
        private final boolean on;
        private final PrintWriter err;
        private volatile long total = -1;
        private boolean shown;

        Progress(boolean on, PrintWriter err) {
            this.on = on;
            this.err = err;
        }

        /** Counts the lines of the file in the background, so the bar can show a total and an ETA. */
        void countLinesOf(Path file) {
            Thread t = new Thread(() -> {
                long n = 0;
                byte[] b = new byte[1 << 16];
                boolean last = true;
                try (InputStream in = Files.newInputStream(file)) {
                    int r;
                    while ((r = in.read(b)) > 0) {
                        for (int i = 0; i < r; i++) {
                            if (b[i] == '\n') {
                                n++;
                            }
                        }
                        last = b[r - 1] == '\n';
                    }
                    total = last ? n : n + 1;
                } catch (IOException ignored) {
                    // no total then
                }
            }, "xsrun-count-lines");
            t.setDaemon(true);
            t.start();
        }

        synchronized void paint(long done, long elapsedNanos, long retries) {
            if (!on) {
                return;
            }
            err.print("\r" + render(done, total, elapsedNanos, retries) + "\033[K");
            err.flush();
            shown = true;
        }

        synchronized void clear() {
            if (on && shown) {
                err.print("\r\033[K");
                err.flush();
                shown = false;
            }
        }

        static String render(long done, long total, long elapsedNanos, long retries) {
            double seconds = elapsedNanos / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            StringBuilder sb = new StringBuilder();
            if (total > 0) {
                int width = 24;
                int filled = (int) Math.min(width, done * width / total);
                sb.append('[').append("=".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
                sb.append(String.format(Locale.ROOT, "%,d/%,d events", done, total));
            } else {
                sb.append(String.format(Locale.ROOT, "%,d events", done));
            }
            sb.append(String.format(Locale.ROOT, "  %,.0f/s  retries %,d", rate, retries));
            if (total > 0 && rate > 0 && done < total) {
                long eta = Math.round((total - done) / rate);
                sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
            }
            return sb.toString();
        }
    }
}
