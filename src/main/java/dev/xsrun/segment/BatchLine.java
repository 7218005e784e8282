package dev.xsrun.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The input line a batch run's thread is working on, as the Segment built-in sees it: its number, the
 * messageIds of its track calls, the shared batcher its messages go to, and what became of them. A
 * batch run puts one in the services of each of its threads and points it at each line in turn; the
 * built-in batches when it finds one and sends alone otherwise.
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
    private long number;
    private MessageIds.Line ids;
    private List<Delivery> deliveries = new ArrayList<>(1);

    public BatchLine(Batchers batchers) {
        this.batchers = Objects.requireNonNull(batchers);
    }

    /** Points at the next line: its number and ids; forgets the deliveries of the previous one. */
    public void start(long lineNumber, MessageIds.Line lineIds) {
        this.number = lineNumber;
        this.ids = Objects.requireNonNull(lineIds);
        this.deliveries = new ArrayList<>(1);
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
