package dev.xsrun.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * How the Segment client retries: at most {@code maxAttempts} sends in all; between them exponential
 * backoff from {@code baseDelay} doubling up to {@code maxDelay}, with jitter (a random point in the
 * upper half of the step); a {@code Retry-After} answer is honoured instead, capped at
 * {@code maxRetryAfter}; nothing is sent or waited for past {@code deadline} from the first attempt.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Duration deadline) {
    /** Five attempts, 1 s doubling to 30 s, Retry-After up to 300 s (Segment's cap), ten minutes in all. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(300), Duration.ofMinutes(10));

    /**
     * Batch mode: ten attempts, 500 ms doubling to 30 s, the same Retry-After cap and deadline. A backfill
     * sends thousands of requests, so a run of bad luck that five attempts would not survive becomes
     * likely somewhere (at a 20% failure rate, 0.2^5 is one batch in 3,000 lost); ten attempts inside
     * the same ten minutes make it one in ten million.
     */
    public static final RetryPolicy BATCH = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(300), Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * Whether an answer with this status is worth another try (Segment's rule): 408, 410, 429, 460 and
     * every 5xx except 501, 505 and 511.
     */
    public static boolean retryable(int status) {
        if (status == 408 || status == 410 || status == 429 || status == 460) {
            return true;
        }
        return status >= 500 && status <= 599 && status != 501 && status != 505 && status != 511;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry), given a uniform random
     * {@code unit} in [0, 1).
     */
    public Duration backoff(int retry, double unit) {
        long base = Math.max(0, baseDelay.toMillis());
        long step = base << Math.min(30, Math.max(0, retry - 1));
        if (step < 0 || step > maxDelay.toMillis()) {
            step = maxDelay.toMillis();
        }
        long half = step / 2;
        return Duration.ofMillis(half + (long) (unit * (step - half)));
    }

    /**
     * The wait a {@code Retry-After} header asks for, as seconds or an HTTP date, capped at
     * {@code maxRetryAfter}; null when absent or unreadable.
     */
    public Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration d;
        String h = header.trim();
        if (h.matches("\\d+")) {
            d = h.length() > 9 ? maxRetryAfter : Duration.ofSeconds(Long.parseLong(h));
        } else {
            try {
                d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
            if (d.isNegative()) {
                d = Duration.ZERO;
            }
        }
        return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
    }
}
