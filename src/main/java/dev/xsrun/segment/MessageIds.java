package dev.xsrun.segment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic messageIds for batch runs, so that running the same command again after a crash or a
 * partial failure resends the same ids and Segment's de-duplication on {@code messageId} drops what it
 * already has.
 *
 * <p>An id is a name-based UUID (version 5: SHA-1 over a namespace and a name, RFC 4122 section 4.3).
 * The name holds, each length-prefixed so no two different inputs can run together: the job's name,
 * the input file's name (without its folder, so the same file given by another path keeps its ids),
 * the 1-based line number, the line's exact bytes (without its line terminator) and the 0-based count
 * of the track calls made before this one in the same run, so a job that tracks several events per
 * line gives each its own id.
 */
public final class MessageIds {
    /** The namespace of xsrun batch messageIds (a random UUID fixed once; never change it). */
    public static final UUID NAMESPACE = UUID.fromString("6f1c9a52-3d1e-4b8e-9c55-0b7f2d6a41e3");

    private MessageIds() {
    }

    /**
     * The ids of one input file of one job: the namespace, job and file part of every name, encoded once.
     * Thread-safe.
     */
    public static final class Source {
        private final byte[] head;

        private Source(byte[] head) {
            this.head = head;
        }

        /** The ids of a line of this file; the line's bytes are kept, not copied: do not change them. */
        public Line line(long line, byte[] lineBytes) {
            return new Line(head, line, lineBytes);
        }
    }

    /** The ids of one input line: {@link #next()} gives the id of each track call of its run in turn. */
    public static final class Line {
        private final byte[] head;
        private final long line;
        private final byte[] bytes;
        private int calls;

        Line(byte[] head, long line, byte[] bytes) {
            this.head = head;
            this.line = line;
            this.bytes = bytes;
        }

        /** The id of the next track call of this line's run. Not thread-safe: a run is one thread. */
        public String next() {
            return of(this, calls++);
        }

        /** How many ids were handed out. */
        public int calls() {
            return calls;
        }
    }

    /** The ids of lines of {@code fileName} (without its folder) run by the job {@code job} (run.job "..."). */
    public static Source source(String job, String fileName) {
        byte[] j = job.getBytes(StandardCharsets.UTF_8);
        byte[] f = fileName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + 4 + j.length + 4 + f.length);
        b.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
        b.putInt(j.length).put(j);
        b.putInt(f.length).put(f);
        return new Source(b.array());
    }

    /**
     * The ids for one input line.
     *
     * @param job       the job's name (run.job "...")
     * @param fileName  the input file's name, without its folder
     * @param line      1-based line number in that file
     * @param lineBytes the line exactly as read, without {@code \n} or {@code \r\n}
     */
    public static Line forLine(String job, String fileName, long line, byte[] lineBytes) {
        return source(job, fileName).line(line, lineBytes);
    }

    /** The id of track call number {@code call} (0-based) of a line. */
    public static String of(String job, String fileName, long line, byte[] lineBytes, int call) {
        return of(forLine(job, fileName, line, lineBytes), call);
    }

    /** One digest per thread: looking the algorithm up for every id costs more than the hashing. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    });

    private static String of(Line l, int call) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(l.head);
        byte[] tail = new byte[8 + 4];
        ByteBuffer.wrap(tail).putLong(l.line).putInt(l.bytes.length);
        sha1.update(tail);
        sha1.update(l.bytes);
        ByteBuffer.wrap(tail, 0, 4).putInt(call);
        sha1.update(tail, 0, 4);
        byte[] h = sha1.digest();
        h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bb = ByteBuffer.wrap(h, 0, 16);
        return new UUID(bb.getLong(), bb.getLong()).toString();
    }
}
