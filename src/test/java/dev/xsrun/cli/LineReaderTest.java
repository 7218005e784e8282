package dev.xsrun.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static LineReader reader(String text, long max) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void linesEndAtNewlinesWithOrWithoutCarriageReturnsAndTheLastNeedsNone() throws IOException {
        LineReader r = reader("{\"a\":1}\r\n\n  \n{\"b\":2}", 1000);
        LineReader.Line l1 = r.next();
        assertEquals(1, l1.number());
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), l1.bytes());
        assertTrue(r.next().blank());
        LineReader.Line l3 = r.next();
        assertEquals(3, l3.number());
        assertTrue(l3.blank());
        LineReader.Line l4 = r.next();
        assertEquals(4, l4.number());
        assertArrayEquals("{\"b\":2}".getBytes(StandardCharsets.UTF_8), l4.bytes());
        assertNull(r.next());
    }

    @Test
    void aLineLongerThanTheCapIsMarkedAndTheNextOneIsReadWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        LineReader r = reader(longLine + "\n{\"ok\":true}\n", 100_000);
        LineReader.Line l1 = r.next();
        assertTrue(l1.tooLong());
        assertFalse(l1.blank());
        LineReader.Line l2 = r.next();
        assertEquals(2, l2.number());
        assertArrayEquals("{\"ok\":true}".getBytes(StandardCharsets.UTF_8), l2.bytes());
        assertNull(r.next());
    }

    @Test
    void progressShowsCountRateRetriesAndEta() {
        String bar = BatchRun.Progress.render(5_000, 20_000, 2_000_000_000L, 3);
        assertTrue(bar.contains("5,000/20,000 events"), bar);
        assertTrue(bar.contains("2,500/s"), bar);
        assertTrue(bar.contains("retries 3"), bar);
        assertTrue(bar.contains("ETA 0:06"), bar);
        assertTrue(BatchRun.Progress.render(10, -1, 1_000_000_000L, 0).startsWith("10 events"));
    }
}
