package dev.xsrun.value;

import java.security.SecureRandom;

/**
 * The one source of randomness of the language (shuffles, random numbers and text, salts, keys, IVs):
 * a {@link SecureRandom}, made on first use, since making the first one loads the JDK's security
 * providers, which a run that draws nothing random need not wait for.
 */
public final class Randomness {
    private Randomness() {
    }

    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /** The shared generator (thread-safe). */
    public static SecureRandom get() {
        return Holder.RANDOM;
    }
}
