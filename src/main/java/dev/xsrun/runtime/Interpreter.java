package dev.xsrun.runtime;

import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.value.SourceSpan;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The machine that runs compiled functions and run jobs: the call stack and its depth, the limits
 * (iterations, deadline), the functions compiled so far, and the signal that ends a whole job
 * ({@code debug.stop}). Each function is compiled ({@link Compiler}) when first called, and
 * its nodes do the work (a loop or statement list that runs often is made a class of the same
 * code, {@link Tier}); one flat variable scope ({@link Frame}) per call. Values have value
 * semantics: whatever is stored from an expression that may share structure with another variable
 * is copied, so in-place statements ({@code array.push}, {@code var.update $a[i]}) can change their
 * own variable without copying it each time.
 */
public final class Interpreter {
    private final RunContext ctx;
    private final Limits limits;
    private final Compiler compiler;
    /** Compiled code by function (the tree is immutable, so identity is enough). */
    private final Map<Document.FunctionDef, Compiler.Function> compiled = new IdentityHashMap<>();
    /** {@code to_expr} texts compiled so far, by the slots of the function whose variables they read. */
    private final Map<int[], Map<String, Code>> sources = new IdentityHashMap<>();
    /** How deep the calls running now are nested; read and counted by classes of hot code too ({@link Tier}). */
    int depth;
    private long ticks;
    /** Read on every loop iteration, so kept at hand. */
    private final long maxLoopIterations;
    /** Read on every call, so kept at hand. */
    final int maxCallDepth;
    /** Counted by compiled blocks. */
    long statementCount;

    /** Unwinds the whole job: {@code debug.stop}. */
    public static final class StopSignal extends RuntimeException {
        public final JsonNode value;
        public final SourceSpan at;

        StopSignal(JsonNode value, SourceSpan at) {
            super(null, null, false, false);
            this.value = value;
            this.at = at;
        }
    }

    public Interpreter(RunContext ctx) {
        this.ctx = ctx;
        this.limits = ctx.limits();
        this.maxLoopIterations = limits.maxLoopIterations();
        this.maxCallDepth = limits.maxCallDepth();
        this.compiler = new Compiler(ctx);
    }

    RunContext context() {
        return ctx;
    }

    Limits limits() {
        return limits;
    }

    // ---- running a job and calling functions ---------------------------------------------------

    /** Runs the program's job: pre, main with its input, post; returns main's result. */
    public JsonNode runJob(JsonNode inputOverride) {
        Document.RunJob job = ctx.program().job();
        if (job == null) {
            throw XsError.source("no run.job found", null);
        }
        if (job.pre() != null) {
            call(job.pre().name(), Values.object(), job.pre().span());
        }
        JsonNode input = inputOverride == null ? job.main().input() : inputOverride;
        JsonNode result = call(job.main().name(), input, job.main().span());
        if (job.post() != null) {
            call(job.post().name(), Values.object(), job.post().span());
        }
        return result;
    }

    /** Calls a function (the job's own first, then a built-in) with an input object. */
    public JsonNode call(String name, JsonNode input, SourceSpan callSite) {
        Document.FunctionDef fn = ctx.program().functions().get(name);
        if (fn == null) {
            Builtin builtin = ctx.builtins().get(name);
            if (builtin != null) {
                try {
                    return builtin.call(InputBinder.bindShared(builtin.inputs(), input), ctx);
                } catch (XsError e) {
                    throw e.at(callSite);
                }
            }
            throw new XsError(XsError.Kind.RUNTIME, XsError.NOT_FOUND, "notfound", 404,
                    "Unable to locate function: " + name, null, callSite);
        }
        return invoke(fn, compiled(fn), null, input, callSite);
    }

    /**
     * Calls a function that need not be one of the program's (a query's stack, a test's statements, as
     * {@code xsrun test} runs them) with an input object; it may call the program's functions.
     */
    public JsonNode call(Document.FunctionDef fn, JsonNode input, SourceSpan callSite) {
        return invoke(fn, compiled(fn), null, input, callSite);
    }

    /** A function's compiled code, compiled on its first call. */
    Compiler.Function compiled(Document.FunctionDef fn) {
        Compiler.Function code = compiled.get(fn);
        if (code == null) {
            code = compiler.function(fn);
            compiled.put(fn, code);
        }
        return code;
    }

    /**
     * Runs a function of the job: its input bound from values by declared input ({@code given}, Java
     * null for one not written) or, when given is null, from an object by name.
     */
    JsonNode invoke(Document.FunctionDef fn, Compiler.Function code, JsonNode[] given, JsonNode input, SourceSpan callSite) {
        Frame frame = enter(fn, code, given, input, callSite);
        try {
            return leave(frame, code, code.stack().run(frame));
        } finally {
            depth--;
        }
    }

    /**
     * The first half of {@link #invoke}: the depth checked, the input bound, the frame made and the depth
     * counted; the caller runs the stack, gives its status to {@link #leave} and then, however the call ends,
     * calls {@link #left}. A class of hot code ({@link Tier}) calls the three itself, to run a known
     * callee's stack without the shared call sites of {@code invoke}.
     */
    Frame enter(Document.FunctionDef fn, Compiler.Function code, JsonNode[] given, JsonNode input, SourceSpan callSite) {
        if (depth >= maxCallDepth) {
            throw XsError.fatal("Execution limit exceeded: functions nested deeper than " + maxCallDepth
                    + " calls (runaway recursion?)").at(callSite);
        }
        Frame frame;
        try {
            frame = given != null ? new Frame(this, fn, code, code.inputs().bindSlots(given))
                    : new Frame(this, fn, code, InputBinder.bind(fn.inputs(), input));
        } catch (XsError e) {
            throw e.at(callSite);
        }
        depth++;
        return frame;
    }

    /** The second half of {@link #invoke}: the function's result from the status its stack ended with, after its post-processing. */
    JsonNode leave(Frame frame, Compiler.Function code, int status) {
        JsonNode result = status == Step.NEXT ? code.response().eval(frame) : returned(frame, status);
        postProcess(frame);
        return result;
    }

    /** The result of a stack that did not end normally: its {@code return}'s value, or the error of a loop word outside a loop. */
    static JsonNode returned(Frame frame, int status) {
        if (status == Step.RETURN) {
            return frame.returned;
        }
        throw XsError.fatal("`" + Step.word(status) + "` outside a loop");
    }

    /** Runs a finished call's {@code util.post_process} stacks, if it has any. */
    void postProcess(Frame frame) {
        if (frame.postProcess != null) {
            for (Step.Block post : frame.postProcess) {
                try {
                    post.run(frame);
                } catch (XsError e) {
                    ctx.warnings().accept("util.post_process failed: " + e.getMessage());
                }
            }
        }
    }

    /** A call entered with {@link #enter} has ended. */
    void left() {
        depth--;
    }

    /**
     * Parses and compiles a {@code to_expr} text for frames of a function (given by its slots,
     * {@link Compiler.Function#names}), once per text and function.
     */
    Code compileSource(String expression, int[] slots) {
        Map<String, Code> texts = sources.computeIfAbsent(slots, k -> new HashMap<>());
        Code code = texts.get(expression);
        if (code == null) {
            Expr parsed = ctx.expressionParser().apply(expression);
            code = compiler.freeExpression(parsed, slots);
            texts.put(expression, code);
        }
        return code;
    }

    // ---- limits --------------------------------------------------------------------------------

    /** How many statements this interpreter has run (benchmarks report statements per second). */
    public long statementsExecuted() {
        return statementCount;
    }

    /** Called once per loop iteration: the deadline and the iteration cap. */
    void tick(long iteration, SourceSpan at) {
        if (iteration >= maxLoopIterations) {
            throw XsError.fatal("Execution limit exceeded: more than " + limits.maxLoopIterations()
                    + " iterations of one loop (runaway loop?)").at(at);
        }
        if ((++ticks & 1023) == 0) {
            checkDeadline(at);
        }
    }

    /**
     * Called once per call of a job's function: the deadline is read on every 1024th tick (loop
     * iterations and calls together), as a clock read costs more than a short function's whole call.
     */
    void tickCall(SourceSpan at) {
        if ((++ticks & 1023) == 0) {
            checkDeadline(at);
        }
    }

    void checkDeadline(SourceSpan at) {
        if (System.nanoTime() > limits.deadlineNanos()) {
            throw new XsError(XsError.Kind.TIMEOUT, XsError.FATAL, "timeout", 500, "Execution limit exceeded: the run took longer than its --timeout", null, at);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new XsError(XsError.Kind.TIMEOUT, XsError.FATAL, "timeout", 500, "Execution stopped", null, at);
        }
    }

    static void stop(JsonNode value, SourceSpan at) {
        throw new StopSignal(value, at);
    }
}
