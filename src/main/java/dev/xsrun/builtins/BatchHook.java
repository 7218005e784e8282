package dev.xsrun.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.http.Delivery;
import dev.xsrun.runtime.Builtin;
import dev.xsrun.value.Secrets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * How a built-in takes part in batch mode ({@code run --inputs}): the calls of every line's run share
 * one {@link Session} (Segment's batcher, say), each pool thread gets a {@link Line} that is pointed at
 * the input line it runs, and what became of each line's messages comes back for the report.
 */
public interface BatchHook {

    /**
     * Lines a batch run may hold read and not yet printed when runs do not wait for this built-in's
     * answer ({@link Batch#answerLater()}): enough to keep the built-in's requests full, no more, since
     * every young collection copies the lines in flight.
     */
    int answerLaterWindow();

    /** Starts the hook for one batch run. */
    Session open(Batch batch);

    /**
     * What a batch run tells its hooks.
     *
     * @param jobName      the job's name (part of deterministic message ids)
     * @param inputName    the input file's name without its folder, or {@code -}
     * @param concurrency  {@code --concurrency}
     * @param window       lines read and not yet printed at most
     * @param answerLater  the job is this built-in alone: a call may hand its work over and return at
     *                     once, the line's result being made from the answer when it comes
     * @param linesRunning how many lines are running now (started, not finished)
     * @param secrets      the run's secrets (not a line's)
     */
    record Batch(String jobName, String inputName, int concurrency, int window, boolean answerLater,
                 IntSupplier linesRunning, Secrets secrets) {
    }

    /** The hook's part of one batch run; used by every pool thread. */
    interface Session {
        /** The state of one pool thread, pointed at each line it runs in turn. */
        Line newLine();

        /** A line has finished running; {@code lastOfInput} when no line is running and none is left to read. */
        void lineFinished(boolean lastOfInput);

        /** Nothing is running and no line is left to read: send what is pending. */
        void inputDone();

        /** Requests sent again after a failure, so far. */
        long resent();

        /** What the summary line says of this hook, e.g. {@code 67 requests to Segment, 0 resent}, or null when it sent nothing. */
        String summary();

        /** Stops sending; work not finished fails. */
        void close();
    }

    /** One pool thread's view of the line it runs. */
    interface Line {
        /** The built-in as this thread's runs call it: bound to this line. */
        Builtin builtin();

        /** Points at the next line: its number and exact bytes. */
        void start(long number, byte[] raw);

        /** What became of each message the current line's run sent, in call order. */
        List<Delivery> deliveries();

        /** The call whose answer the run did not wait for, or null; cleared by this call. */
        Deferred takeDeferred();
    }

    /**
     * A call whose answer the run did not wait for: what becomes of its message, and how the built-in's
     * result, encoded as compact JSON, is made from the answer once it comes.
     */
    record Deferred(CompletableFuture<Delivery> delivery, Function<JsonNode, String> resultJson) {
    }
}
