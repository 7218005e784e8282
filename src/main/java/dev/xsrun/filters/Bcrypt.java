package dev.xsrun.filters;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt (Provos and Mazieres, 1999) as OpenBSD and PHP's crypt() compute it: expensive-key-schedule
 * Blowfish over "OrpheanBeholderScryDoubt". Blowfish's initial P-array and S-boxes are the hexadecimal
 * digits of pi's fraction; they are computed once, on first use, from Machin's formula rather than
 * carried as a table.
 */
final class Bcrypt {
    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final byte[] MAGIC = "OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII);
    private static final int WORDS = 18 + 4 * 256;

    private Bcrypt() {
    }

    /** The 1042 words of pi's fraction that start Blowfish: 18 for P, then four S-boxes of 256. */
    private static final class PiWords {
        static final int[] VALUES = compute();

        private static int[] compute() {
            int bits = WORDS * 32 + 64;
            BigInteger one = BigInteger.ONE.shiftLeft(bits);
            BigInteger pi = atanInverse(5, one).shiftLeft(4).subtract(atanInverse(239, one).shiftLeft(2));
            BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(bits)).shiftRight(64);
            int[] out = new int[WORDS];
            for (int i = 0; i < WORDS; i++) {
                out[i] = fraction.shiftRight((WORDS - 1 - i) * 32).intValue();
            }
            return out;
        }

        /** atan(1/x) scaled by {@code one}, from its alternating series. */
        private static BigInteger atanInverse(int x, BigInteger one) {
            BigInteger x2 = BigInteger.valueOf((long) x * x);
            BigInteger power = one.divide(BigInteger.valueOf(x));
            BigInteger sum = power;
            for (int k = 1; power.signum() != 0; k++) {
                power = power.divide(x2);
                BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
                sum = k % 2 == 1 ? sum.subtract(term) : sum.add(term);
            }
            return sum;
        }
    }

    /**
     * The full hash text of {@code key} under {@code setting} ("$2y$10$" and 22 salt characters, or a
     * whole hash whose setting is reused), or null when the setting is not a bcrypt one.
     */
    static String hash(byte[] key, String setting) {
        if (setting.length() < 29 || setting.charAt(0) != '$' || setting.charAt(1) != '2' || setting.charAt(3) != '$'
                || "aby".indexOf(setting.charAt(2)) < 0 || setting.charAt(6) != '$') {
            return null;
        }
        int cost;
        try {
            cost = Integer.parseInt(setting.substring(4, 6));
        } catch (NumberFormatException e) {
            return null;
        }
        byte[] salt = decode(setting.substring(7, 29), 16);
        if (cost < 4 || cost > 31 || salt == null) {
            return null;
        }
        byte[] k = new byte[key.length + 1];
        System.arraycopy(key, 0, k, 0, key.length);
        int[] p = new int[18];
        int[] s = new int[1024];
        System.arraycopy(PiWords.VALUES, 0, p, 0, 18);
        System.arraycopy(PiWords.VALUES, 18, s, 0, 1024);
        expand(p, s, salt, k);
        for (long i = 1L << cost; i > 0; i--) {
            expand(p, s, null, k);
            expand(p, s, null, salt);
        }
        int[] text = new int[6];
        int[] at = {0};
        for (int i = 0; i < 6; i++) {
            text[i] = word(MAGIC, at);
        }
        for (int round = 0; round < 64; round++) {
            for (int j = 0; j < 6; j += 2) {
                encipher(p, s, text, j);
            }
        }
        byte[] out = new byte[24];
        for (int i = 0; i < 6; i++) {
            out[4 * i] = (byte) (text[i] >>> 24);
            out[4 * i + 1] = (byte) (text[i] >>> 16);
            out[4 * i + 2] = (byte) (text[i] >>> 8);
            out[4 * i + 3] = (byte) text[i];
        }
        return setting.substring(0, 7) + encode(salt, 16) + encode(out, 23);
    }

    /** The next 32 bits of {@code data}, read cyclically from {@code at[0]}. */
    private static int word(byte[] data, int[] at) {
        int w = 0;
        for (int i = 0; i < 4; i++) {
            w = (w << 8) | (data[at[0]] & 0xff);
            at[0] = (at[0] + 1) % data.length;
        }
        return w;
    }

    private static void encipher(int[] p, int[] s, int[] lr, int off) {
        int l = lr[off] ^ p[0];
        int r = lr[off + 1];
        for (int i = 1; i <= 16; i += 2) {
            r ^= f(s, l) ^ p[i];
            l ^= f(s, r) ^ p[i + 1];
        }
        lr[off] = r ^ p[17];
        lr[off + 1] = l;
    }

    private static int f(int[] s, int x) {
        return ((s[x >>> 24] + s[0x100 | ((x >>> 16) & 0xff)]) ^ s[0x200 | ((x >>> 8) & 0xff)]) + s[0x300 | (x & 0xff)];
    }

    /** Blowfish's key schedule, with the salt mixed in when there is one (bcrypt's ExpandKey). */
    private static void expand(int[] p, int[] s, byte[] salt, byte[] key) {
        int[] keyAt = {0};
        for (int i = 0; i < 18; i++) {
            p[i] ^= word(key, keyAt);
        }
        int[] lr = {0, 0};
        int[] saltAt = {0};
        for (int i = 0; i < 18; i += 2) {
            next(p, s, lr, salt, saltAt);
            p[i] = lr[0];
            p[i + 1] = lr[1];
        }
        for (int i = 0; i < 1024; i += 2) {
            next(p, s, lr, salt, saltAt);
            s[i] = lr[0];
            s[i + 1] = lr[1];
        }
    }

    private static void next(int[] p, int[] s, int[] lr, byte[] salt, int[] saltAt) {
        if (salt != null) {
            lr[0] ^= word(salt, saltAt);
            lr[1] ^= word(salt, saltAt);
        }
        encipher(p, s, lr, 0);
    }

    /** bcrypt's base64: its own alphabet, no padding, the first {@code length} bytes. */
    static String encode(byte[] d, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; ) {
            int c1 = d[i++] & 0xff;
            sb.append(ALPHABET.charAt(c1 >> 2));
            c1 = (c1 & 0x03) << 4;
            if (i >= length) {
                sb.append(ALPHABET.charAt(c1));
                break;
            }
            int c2 = d[i++] & 0xff;
            sb.append(ALPHABET.charAt(c1 | (c2 >> 4)));
            c1 = (c2 & 0x0f) << 2;
            if (i >= length) {
                sb.append(ALPHABET.charAt(c1));
                break;
            }
            c2 = d[i++] & 0xff;
            sb.append(ALPHABET.charAt(c1 | (c2 >> 6)));
            sb.append(ALPHABET.charAt(c2 & 0x3f));
        }
        return sb.toString();
    }

    private static byte[] decode(String text, int length) {
        byte[] out = new byte[length];
        int n = 0;
        int bits = 0;
        int acc = 0;
        for (int i = 0; i < text.length() && n < length; i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                return null;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
            }
        }
        return n == length ? out : null;
    }
}
