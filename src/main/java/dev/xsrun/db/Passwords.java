package dev.xsrun.db;

import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How {@code password} fields are stored: salted PBKDF2-HMAC-SHA256, as
 * {@code pbkdf2_sha256$ITERATIONS$SALT$HASH}. A value that already has that form is kept as it is.
 */
public final class Passwords {
    private static final String PREFIX = "pbkdf2_sha256$";
    private static final int ITERATIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static boolean isHash(String s) {
        return s.startsWith(PREFIX) && s.split("\\$").length == 4;
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + ITERATIONS + "$" + Base64.getEncoder().withoutPadding().encodeToString(salt) + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether the password matches a stored hash. */
    public static boolean verify(String password, String stored) {
        if (stored == null || !isHash(stored)) {
            return false;
        }
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return java.security.MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        }
    }
}
