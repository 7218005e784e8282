package dev.xsrun.http;

/**
 * A request that got no HTTP answer: the connection, name lookup, TLS or clock failed, or the answer was
 * too big to keep. The message is a single sentence fit for a user (no stack trace, secrets masked by
 * whoever prints it). Whether a retry can help is part of the failure.
 */
public final class TransportFailure extends Exception {
    /** What went wrong, which decides whether a retry may help. INVALID: the request itself cannot be sent. */
    public enum Kind {
        CONNECT(true), DNS(true), TIMEOUT(true), RESET(true), TLS(false), TOO_LARGE(false), TOO_MANY_REDIRECTS(false),
        INTERRUPTED(false), INVALID(false), OTHER(true);

        public final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;

    public TransportFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable;
    }

    public static TransportFailure timeout(long millis) {
        return new TransportFailure(Kind.TIMEOUT, "Operation timed out after " + millis + " milliseconds");
    }
}
