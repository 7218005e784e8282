package dev.xsrun.builtins;

import dev.xsrun.http.Delivery;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.runtime.Builtin;
import dev.xsrun.segment.MessageIds;
import dev.xsrun.segment.SegmentBatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Segment built-in in batch mode: every line's track calls hand their message to one
 * {@link SegmentBatcher} per write key and endpoint, shared by the whole batch run, with a
 * deterministic messageId per line (see {@link MessageIds}).
 */
final class SegmentBatchHook implements BatchHook {
    /**
     * Messages a batch aims at when runs do not wait for Segment's answer. Fewer, fuller requests cost
     * less on both sides (20,000 events: 500 a batch took 53 requests and 1.74 s, 1,500 took 33 and
     * 1.44 s); a batch still goes at Segment's 500 KB, which typical events reach at about 1,200.
     */
    private static final int ANSWER_LATER_BATCH = 1_500;
    /**
     * How long a partly filled batch waits for more when runs do not wait for Segment's answer. Nothing
     * but printing waits on it, and at the end of the input the batch run sends what is pending at
     * once; the default 20 ms sent many small batches while the JVM was still warming up (20,000
     * events: 38 requests and 1.77 s against 18 requests and 1.58 s with 200 ms).
     */
    private static final Duration ANSWER_LATER_LINGER = Duration.ofMillis(200);

    private final SegmentBuiltin builtin;
    private final HttpOptions http;

    SegmentBatchHook(SegmentBuiltin builtin, HttpOptions http) {
        this.builtin = builtin;
        this.http = http;
    }

    /** The batch being sent, the one filling and one more. */
    @Override
    public int answerLaterWindow() {
        return 3 * ANSWER_LATER_BATCH;
    }

    @Override
    public Session open(Batch batch) {
        return new Shared(batch);
    }

    /** Which batcher a message goes to: one per write key and endpoint (baseUrl null for the default). */
    private record BatcherKey(String writeKey, String baseUrl) {
        // Written out: a record's generated equals and hashCode link through method handles on first
        // use, which spins classes at start-up, and this key is looked up for every line.
        @Override
        public boolean equals(Object o) {
            return o instanceof BatcherKey k && writeKey.equals(k.writeKey) && Objects.equals(baseUrl, k.baseUrl);
        }

        @Override
        public int hashCode() {
            return writeKey.hashCode() * 31 + Objects.hashCode(baseUrl);
        }
    }

    private final class Shared implements Session {
        private final Batch batch;
        private final MessageIds.Source ids;
        private final Map<BatcherKey, SegmentBatcher> batchers = new ConcurrentHashMap<>();

        Shared(Batch batch) {
            this.batch = batch;
            this.ids = MessageIds.source(batch.jobName(), batch.inputName());
        }

        private SegmentBatcher batcher(String writeKey, String baseUrl) {
            return batchers.computeIfAbsent(new BatcherKey(writeKey, baseUrl), k -> new SegmentBatcher(writeKey, baseUrl,
                    http, batch.secrets(), settings(), Clock.systemUTC(), Math::random,
                    batch.answerLater() ? null : batch.linesRunning()));
        }

        private SegmentBatcher.Settings settings() {
            // Runs that wait: a batch goes when half of them have a message in it, or when all are waiting.
            // Runs that do not wait: up to a window of lines can be in flight, so batches can be bigger;
            // the batch run says when nothing more can come.
            if (!batch.answerLater()) {
                return SegmentBatcher.Settings.defaults(batch.concurrency() / 2);
            }
            return SegmentBatcher.Settings.defaults(Math.min(ANSWER_LATER_BATCH, Math.max(1, batch.window() / 3)))
                    .withLinger(ANSWER_LATER_LINGER);
        }

        @Override
        public Line newLine() {
            BatchLine line = new BatchLine(this::batcher, batch.answerLater());
            Builtin bound = builtin.boundTo(line);
            return new Line() {
                @Override
                public Builtin builtin() {
                    return bound;
                }

                @Override
                public void start(long number, byte[] raw) {
                    line.start(number, ids.line(number, raw));
                }

                @Override
                public List<Delivery> deliveries() {
                    return line.deliveries();
                }

                @Override
                public Deferred takeDeferred() {
                    return line.takeDeferred();
                }
            };
        }

        @Override
        public void lineFinished(boolean lastOfInput) {
            for (SegmentBatcher b : batchers.values()) {
                if (lastOfInput && batch.answerLater()) {
                    // The last line of the input has run: what is pending is all that will come. (The
                    // printing loop would send it too, but only when its wait for the oldest line ends.)
                    b.flush();
                } else {
                    b.nudge();
                }
            }
        }

        @Override
        public void inputDone() {
            batchers.values().forEach(SegmentBatcher::flush);
        }

        @Override
        public long resent() {
            long n = 0;
            for (SegmentBatcher b : batchers.values()) {
                n += b.resent();
            }
            return n;
        }

        @Override
        public String summary() {
            long requests = batchers.values().stream().mapToLong(SegmentBatcher::requests).sum();
            if (requests == 0) {
                return null;
            }
            return requests + (requests == 1 ? " request" : " requests") + " to Segment, " + resent() + " resent";
        }

        @Override
        public void close() {
            batchers.values().forEach(SegmentBatcher::close);
        }
    }
}
