package dev.xsrun.filters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * bcrypt checks against hashes made by libxcrypt's crypt(3) (the same algorithm as PHP's
 * password_hash), computed with {@code perl -e 'print crypt($password, $setting)'}.
 */
class PasswordCheckTest {
    private static final String[][] VECTORS = {
        {"", "$2y$04$saltsaltsaltsaltsalt.uqmVwLC7bsByZdq2khB7r4EXa2W9xooa"},
        {"U*U", "$2y$04$saltsaltsaltsaltsalt.uR72ZsH6iDfNBhj2il/jqdgRuoEVYHRC"},
        {"correct horse", "$2y$04$saltsaltsaltsaltsalt.uYdq2ryPPz6zx/0dbT5QYF0uS4r5I4c6"},
        {"\u00e9t\u00e9", "$2y$04$saltsaltsaltsaltsalt.uNwiORR4VlpwVSni8ldloLWlq81mTdhy"},
        {"x".repeat(80), "$2y$04$saltsaltsaltsaltsalt.uPAQbPwXkQPC01T3stjOcTchSi3dWPBu"},
        {"abc", "$2b$05$abcdefghijklmnopqrstuuRWUgMyyCUnsDr8evYotXg5ZXVF/HhzS"},
        {"abc", "$2a$10$abcdefghijklmnopqrstuuIKf86pdcwpO2sVQ5UzC4OF.Xfw8WGTS"},
    };

    @Test
    void matchesHashesFromCrypt3() {
        for (String[] v : VECTORS) {
            assertTrue(Crypto.checkPassword(v[0], v[1]), v[1]);
            assertFalse(Crypto.checkPassword("!" + v[0], v[1]), v[1]);
        }
        // only the first 72 bytes count, as in every bcrypt
        assertTrue(Crypto.checkPassword("x".repeat(72) + "y", VECTORS[4][1]));
    }

    @Test
    void anythingElseIsNoMatch() {
        assertFalse(Crypto.checkPassword("abc", "abc"));
        assertFalse(Crypto.checkPassword("abc", ""));
        assertFalse(Crypto.checkPassword("abc", "$2x$05$abcdefghijklmnopqrstuuRWUgMyyCUnsDr8evYotXg5ZXVF/HhzS"));
        assertFalse(Crypto.checkPassword("abc", "$2b$05$abcdefghijklmnopqrstuuRWUgMyyCUnsDr8evYotXg5ZXVF/HhzT"));
        assertFalse(Crypto.checkPassword("abc", "$2b$05$abc"));
    }

    @Test
    void newHashesCheck() {
        String h = Crypto.hashPassword("s3cret", 4);
        assertTrue(h.startsWith("$2y$04$") && h.length() == 60, h);
        assertTrue(Crypto.checkPassword("s3cret", h));
        assertFalse(Crypto.checkPassword("s3cret ", h));
    }
}
