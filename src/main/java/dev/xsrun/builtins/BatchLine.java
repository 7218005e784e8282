package dev.xsrun.builtins;

import dev.xsrun.http.Delivery;
import dev.xsrun.segment.MessageIds;
import dev.xsrun.segment.SegmentBatcher;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The input line a batch run's thread is working on, as the Segment built-in sees it: its number, the
 * messageIds of its track calls, the shared batcher its messages go to, and what became of them. A
 * batch run's {@link SegmentBatchHook} gives one to each of its threads, with a {@link SegmentBuiltin}
 * bound to it, and points it at each line in turn.
 *
 * <p>Used by one thread at a time.
 */
public final class BatchLine {
    /** Finds (or makes) the batcher for a write key and endpoint, shared by every line of the run. */
    @FunctionalInterface
    public interface Batchers {
        SegmentBatcher forKey(String writeKey, String baseUrl);
    }

    private final Batchers batchers;
    private final boolean answerLater;
    private long number;
    private MessageIds.Line ids;
    private List<Delivery> deliveries = new ArrayList<>(1);
    private BatchHook.Deferred deferred;

    /**
     * @param answerLater the batch run knows that nothing in the job runs after the built-in returns
     *                    (it is the job's main function, with no post): the first track call of each
     *                    line may then hand its message over and return at once, and the run's result
     *                    is completed when Segment answers, without a thread waiting for it
     */
    public BatchLine(Batchers batchers, boolean answerLater) {
        this.batchers = Objects.requireNonNull(batchers);
        this.answerLater = answerLater;
    }

    /** Points at the next line: its number and ids; forgets the deliveries of the previous one. */
    public void start(long lineNumber, MessageIds.Line lineIds) {
        this.number = lineNumber;
        this.ids = Objects.requireNonNull(lineIds);
        this.deliveries = new ArrayList<>(1);
        this.deferred = null;
    }

    /** Whether the current call may return before Segment answers (see the constructor). */
    public boolean answerLater() {
        return answerLater && deferred == null && deliveries.isEmpty();
    }

    /** Leaves the current call's answer to the batch run. */
    public void defer(CompletableFuture<Delivery> delivery, Function<JsonNode, String> resultJson) {
        this.deferred = new BatchHook.Deferred(delivery, resultJson);
    }

    /** The call left to the batch run by the line's run, or null; cleared by this call. */
    public BatchHook.Deferred takeDeferred() {
        BatchHook.Deferred d = deferred;
        deferred = null;
        return d;
    }

    public long number() {
        return number;
    }

    /** How the line is named in messages: {@code input line 7}. */
    public String label() {
        return "input line " + number;
    }

    /** The messageId of the run's next track call (deterministic; see {@link MessageIds}). */
    public String nextMessageId() {
        return ids.next();
    }

    public SegmentBatcher batcher(String writeKey, String baseUrl) {
        return batchers.forKey(writeKey, baseUrl);
    }

    public void record(Delivery d) {
        deliveries.add(d);
    }

    /** What became of each message the current line's run tracked, in call order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }
}
