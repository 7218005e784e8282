package dev.xsrun.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.value.XsError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SegmentClientTest {
    @Test
    void trackUrlAcceptsTheUsualBaseForms() {
        assertEquals("https://api.segment.io/v1/track", SegmentClient.trackUrl(null));
        assertEquals("https://api.segment.io/v1/track", SegmentClient.trackUrl("  "));
        assertEquals("https://events.eu1.segmentapis.com/v1/track", SegmentClient.trackUrl(SegmentClient.EU_BASE));
        assertEquals("https://events.eu1.segmentapis.com/v1/track", SegmentClient.trackUrl("https://events.eu1.segmentapis.com/"));
        assertEquals("https://events.eu1.segmentapis.com/v1/track", SegmentClient.trackUrl("https://events.eu1.segmentapis.com/v1"));
        assertEquals("https://events.eu1.segmentapis.com/v1/track", SegmentClient.trackUrl("https://events.eu1.segmentapis.com/v1/track"));
        assertEquals("https://events.eu1.segmentapis.com/v1/track", SegmentClient.trackUrl("events.eu1.segmentapis.com"));
        assertEquals("http://127.0.0.1:8089/proxy/v1/track", SegmentClient.trackUrl("http://127.0.0.1:8089/proxy/"));
        assertThrows(XsError.class, () -> SegmentClient.trackUrl("ftp://api.segment.io"));
    }

    @Test
    void retryableStatusesFollowSegmentsRule() {
        for (int s : new int[] {408, 410, 429, 460, 500, 502, 503, 504, 599}) {
            assertTrue(RetryPolicy.retryable(s), Integer.toString(s));
        }
        for (int s : new int[] {200, 301, 400, 401, 403, 404, 413, 422, 501, 505, 511}) {
            assertFalse(RetryPolicy.retryable(s), Integer.toString(s));
        }
    }

    @Test
    void backoffDoublesWithJitterInTheUpperHalfAndIsCapped() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(1000), Duration.ofMillis(5000), Duration.ofSeconds(300), Duration.ofMinutes(10));
        assertEquals(500, p.backoff(1, 0.0).toMillis());
        assertEquals(999, p.backoff(1, 0.999).toMillis());
        assertEquals(1000, p.backoff(2, 0.0).toMillis());
        assertEquals(2000, p.backoff(3, 0.0).toMillis());
        assertEquals(2500, p.backoff(4, 0.0).toMillis());
        assertEquals(2500, p.backoff(60, 0.0).toMillis());
        assertTrue(p.backoff(60, 0.99).toMillis() <= 5000);
    }

    @Test
    void anEmptyWriteKeyIsRefused() {
        assertThrows(XsError.class, () -> new SegmentClient("", null, dev.xsrun.http.HttpOptions.defaults(), new dev.xsrun.value.Secrets()));
    }
}
