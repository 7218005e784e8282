package dev.xsrun.db;

import dev.xsrun.filters.Crypto;

/**
 * How {@code password} fields are stored: as Xano stores them, bcrypt hashes ({@code $2y$10$...}, PHP's
 * password_hash), so {@code security.check_password} verifies a record's password field and a hash
 * exported from Xano and imported here keeps working. A value that already is a bcrypt hash is kept.
 */
public final class Passwords {
    /** PHP's default cost. */
    private static final int COST = 10;

    private Passwords() {
    }

    /** Whether the text is a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, a cost, 53 characters of salt and hash). */
    public static boolean isHash(String s) {
        return s.length() == 60 && s.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }

    public static String hash(String password) {
        return Crypto.hashPassword(password, COST);
    }

    /** Whether the password matches a stored hash (what {@code security.check_password} answers). */
    public static boolean verify(String password, String stored) {
        return stored != null && Crypto.checkPassword(password, stored);
    }
}
