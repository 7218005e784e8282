package dev.xsrun.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.Stmt;
import dev.xsrun.runtime.Interpreter;
import dev.xsrun.runtime.RunContext;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs unit tests, each in isolation: a fresh run (its own interpreter, and whatever the context
 * supplier makes fresh, such as the database) named after the test so that mocks keyed by that name
 * answer. The construct is called with the test's input; its declared response becomes
 * {@code $response}, the only variable the test's statements see; then the statements run with the
 * {@code expect.*} assertions plugged in. A test stops at its timeout and never stops the others.
 */
public final class TestRunner {
    /** What went wrong in a test: a failed assertion (expected and actual) or an error (those null). */
    public record Problem(SourceSpan at, String message, String expected, String actual) {
    }

    /** A test's outcome; passed when it has no problems. */
    public record Outcome(UnitTest test, long millis, List<Problem> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /**
     * The threads tests run on, each with a deep stack for deep recursion. They are kept and reused:
     * making a thread with such a stack for each test cost more than many a test itself. A thread
     * still busy with a test stopped by --timeout is simply not reused.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(work -> {
        Thread t = new Thread(null, work, "xsrun-test", 256L * 1024 * 1024);
        t.setDaemon(true);
        return t;
    });

    private final Function<UnitTest, RunContext> contexts;
    private final Duration timeout;
    private final List<Document> documents;

    /** {@code contexts} gives a fresh run context for each test. */
    public TestRunner(Supplier<RunContext> contexts, Duration timeout) {
        this(contexts, timeout, List.of());
    }

    /** As above; workflow tests' {@code api.call}, {@code task.call}... reach the constructs among {@code documents}. */
    public TestRunner(Supplier<RunContext> contexts, Duration timeout, List<Document> documents) {
        this(test -> contexts.get(), documents, timeout);
    }

    /** {@code contexts} gives each test its fresh run context (its database may depend on the test's datasource). */
    public TestRunner(Function<UnitTest, RunContext> contexts, List<Document> documents, Duration timeout) {
        this.contexts = contexts;
        this.timeout = timeout;
        this.documents = List.copyOf(documents);
    }

    public Outcome run(UnitTest test) {
        long started = System.nanoTime();
        AtomicReference<List<Problem>> result = new AtomicReference<>();
        Future<?> worker = WORKERS.submit(() -> result.set(problems(test, started)));
        try {
            worker.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the deadline did not stop it (a call that never looks at the clock): interrupt it, and leave
            // its thread to it; the pool makes another for the next test
            worker.cancel(true);
            waitBriefly(result);
        } catch (ExecutionException e) {
            // an Error other than StackOverflowError escaped problems(): reported below as an internal error
            result.compareAndSet(null, List.of(new Problem(test.block().span(), "internal error: " + e.getCause(), null, null)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Problem> problems = result.get();
        if (problems == null) {
            problems = List.of(new Problem(test.block().span(), "stopped by --timeout after " + show(timeout), null, null));
        }
        return new Outcome(test, (System.nanoTime() - started) / 1_000_000, problems);
    }

    /** After an interrupt, up to half a second for the test to end on its own. */
    private static void waitBriefly(AtomicReference<List<Problem>> result) {
        long until = System.nanoTime() + 500_000_000L;
        try {
            while (result.get() == null && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Problem> problems(UnitTest test, long started) {
        Document.TestBlock block = test.block();
        SourceSpan at = block.span();
        Expectations expect = new Expectations();
        RunContext base = contexts.apply(test);
        RunContext ctx = base.toBuilder().testName(test.name())
                .limits(base.limits().withDeadline(started + timeout.toNanos()))
                .statements(expect).statements(new WorkflowCalls(documents)).build();
        Interpreter interpreter = new Interpreter(ctx);
        List<Problem> problems = new ArrayList<>();
        try {
            JsonNode input = Values.object();
            if (block.input() != null) {
                input = interpreter.call(new Document.FunctionDef("test " + test.name() + " input", null, List.of(), List.of(),
                        block.input(), at), Values.object(), at);
            }
            JsonNode response = Values.NULL;
            try {
                response = interpreter.call(test.construct(), input, at);
            } catch (XsError e) {
                if (!expectsError(block.stmts())) {
                    return List.of(error(e, at));
                }
                expect.raised(e);
            } catch (StackOverflowError e) {
                return List.of(new Problem(at, "the construct nested too deeply (stack exhausted)", null, null));
            }
            List<Stmt> stack = new ArrayList<>();
            stack.add(new Stmt.Var(new LValue("response", List.of(), at), new Expr.Literal(response, at), false, at));
            stack.addAll(block.stmts());
            interpreter.call(new Document.FunctionDef("test " + test.name(), null, List.of(), stack, null, at), Values.object(), at);
        } catch (XsError e) {
            problems.add(error(e, at));
        } catch (Interpreter.StopSignal stop) {
            problems.add(new Problem(stop.at, "debug.stop ended the test", null, null));
        } catch (RuntimeException e) {
            problems.add(new Problem(at, "internal error: " + e, null, null));
        }
        for (Expectations.Failure f : expect.failures()) {
            problems.add(new Problem(f.at(), f.message(), f.expected(), f.actual()));
        }
        problems.sort((a, b) -> Integer.compare(a.at().line(), b.at().line()));
        return problems;
    }

    private static boolean expectsError(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Invoke i && i.name().equals("expect.to_throw")) {
                return true;
            }
        }
        return false;
    }

    private Problem error(XsError e, SourceSpan fallback) {
        SourceSpan where = e.span() != null && e.span().isKnown() ? e.span() : fallback;
        if (e.kind() == XsError.Kind.TIMEOUT) {
            return new Problem(where, "stopped by --timeout after " + show(timeout), null, null);
        }
        return new Problem(where, "unexpected " + Expectations.describe(e), null, null);
    }

    private static String show(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
