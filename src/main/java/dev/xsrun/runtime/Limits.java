package dev.xsrun.runtime;

/**
 * The bounds a run keeps to, so that a runaway job ends with a clear message instead of exhausting
 * the machine. Defaults are documented in the README.
 */
public record Limits(long maxLoopIterations, int maxCallDepth, long maxValueBytes, long deadlineNanos) {
    public static final long DEFAULT_LOOP_ITERATIONS = 100_000_000L;
    public static final int DEFAULT_CALL_DEPTH = 256;
    public static final long DEFAULT_VALUE_BYTES = 64L * 1024 * 1024;

    public static Limits defaults() {
        return new Limits(DEFAULT_LOOP_ITERATIONS, DEFAULT_CALL_DEPTH, DEFAULT_VALUE_BYTES, Long.MAX_VALUE);
    }

    public Limits withDeadline(long deadlineNanos) {
        return new Limits(maxLoopIterations, maxCallDepth, maxValueBytes, deadlineNanos);
    }

    public boolean hasDeadline() {
        return deadlineNanos != Long.MAX_VALUE;
    }
}
