package dev.xsrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.load.JobLoader;
import dev.xsrun.runtime.Interpreter;
import dev.xsrun.value.Json;
import dev.xsrun.runtime.RunContext;
import dev.xsrun.syntax.XsParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Statements per second of the interpreter on a few algorithm jobs. Each invocation runs the whole
 * job once; the "statements" counter divides the statements executed by the measured time.
 * Run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBench {
    @Param({"bench/bubble-sort:{\"n\":300}", "examples/order-summary:{}", "bench/fibonacci:{\"n\":18}"})
    public String job;

    private RunContext context;
    private JsonNode input;

    /** Statements executed, reported by JMH as a rate next to the job runs per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long statements;

        @Setup(Level.Iteration)
        public void reset() {
            statements = 0;
        }
    }

    @Setup
    public void load() throws Exception {
        int colon = job.indexOf(':');
        String folder = job.substring(0, colon);
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        JobLoader.Loaded loaded = new JobLoader(parser).load(folder, System.in);
        if (!loaded.ok()) {
            throw new IllegalStateException("cannot load " + folder + ": " + loaded.problems());
        }
        JsonNode base = loaded.program().job().main().input().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) base).setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(job.substring(colon + 1)));
        input = base;
        // the builder's defaults: no built-ins, no HTTP, no to_expr, logs dropped
        context = RunContext.builder(loaded.program()).build();
    }

    @Benchmark
    public JsonNode runJob(Counters counters) {
        Interpreter in = new Interpreter(context);
        JsonNode out = in.runJob(input);
        counters.statements += in.statementsExecuted();
        return out;
    }

    /** Keeps the compiler from removing unused parts of the list. */
    static List<String> jobs() {
        return List.of("bench/bubble-sort", "examples/order-summary", "bench/fibonacci");
    }
}
