package dev.xsrun.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a JSON-lines file line by line as bytes, so that a line's messageId can be derived from its
 * exact bytes whatever its encoding. A line ends at {@code \n}; a {@code \r} before it is dropped too,
 * so a file saved with Windows line ends gives the same lines. A line longer than the cap is reported
 * as such (its bytes are skipped) instead of filling the memory.
 */
final class LineReader implements AutoCloseable {
    /** One line: its 1-based number and bytes; {@code tooLong} when it passed the cap (bytes then empty). */
    record Line(long number, byte[] bytes, boolean tooLong) {
        boolean blank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return !tooLong;
        }
    }

    private final InputStream in;
    private final long maxLineBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private long number;
    private byte[] line = new byte[1024];

    LineReader(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the input. A last line without {@code \n} counts. */
    Line next() throws IOException {
        int len = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? limit : nl;
            int n = end - start;
            if (!tooLong) {
                if ((long) len + n > maxLineBytes) {
                    tooLong = true;
                    len = 0;
                } else {
                    if (len + n > line.length) {
                        line = Arrays.copyOf(line, Math.max(len + n, line.length * 2));
                    }
                    System.arraycopy(buf, start, line, len, n);
                    len += n;
                }
            }
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, new byte[0], true);
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        byte[] out = Arrays.copyOf(line, len);
        if (line.length > 1 << 20) {
            line = new byte[1024]; // one huge line should not pin its buffer for the rest of the file
        }
        return new Line(number, out, false);
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
