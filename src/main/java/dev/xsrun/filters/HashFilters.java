package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.ArgType.BOOL;
import static dev.xsrun.filters.ArgType.INT;
import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Digests, HMACs, identifiers, and the AES/JWS/JWE filters over {@link Crypto} (spec 6.8), all on the JDK's crypto. */
final class HashFilters {
    private static final AtomicLong UID_COUNTER = new AtomicLong();

    private HashFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("create_uid").build(), c -> {
            long h = Values.toText(c.input()).hashCode() & 0x3FFL;
            long t = System.currentTimeMillis() & 0x1FFFFFFFFFFL;
            return Values.of((t << 22) | (h << 12) | (UID_COUNTER.incrementAndGet() & 0xFFF));
        });
        r.register(filter("decrypt").arg("algorithm", TEXT).arg("key", TEXT).arg("iv", TEXT).build(), c -> guard(c,
                () -> Bytes.of(Crypto.aes(c.text(0), Bytes.of(c.arg(1)), Bytes.of(c.arg(2)), Bytes.of(text(c)), false))));
        r.register(filter("encrypt").arg("algorithm", TEXT).arg("key", TEXT).arg("iv", TEXT).build(), c -> guard(c,
                () -> Bytes.of(Crypto.aes(c.text(0), Bytes.of(c.arg(1)), Bytes.of(c.arg(2)), Bytes.of(text(c)), true))));
        hmac(r, "hmac_md5", "HmacMD5");
        hmac(r, "hmac_sha1", "HmacSHA1");
        hmac(r, "hmac_sha256", "HmacSHA256");
        hmac(r, "hmac_sha384", "HmacSHA384");
        hmac(r, "hmac_sha512", "HmacSHA512");
        r.register(filter("jwe_decode").arg("checks", ANY).arg("key", TEXT).arg("key_algorithm", TEXT)
                .arg("content_algorithm", TEXT).build(), c -> guard(c,
                () -> Crypto.jweDecode(c.inputText(), c.arg(0), false, c.arg(1), c.text(2), c.text(3), 0)));
        r.register(filter("jwe_encode").arg("headers", ANY).arg("key", TEXT).arg("key_algorithm", TEXT)
                .arg("content_algorithm", TEXT).build(), c -> guard(c,
                () -> Values.of(Crypto.jweEncode(c.arg(0), c.input(), c.arg(1), c.text(2), c.text(3), 0))));
        r.register(filter("jws_decode").arg("checks", ANY).arg("key", TEXT).arg("algorithm", TEXT).build(), c -> guard(c,
                () -> Crypto.jwsDecode(c.inputText(), c.arg(0), false, c.arg(1), c.text(2), 0)));
        r.register(filter("jws_encode").arg("headers", ANY).arg("key", TEXT).arg("algorithm", TEXT)
                .opt("ttl", INT, Values.of(0)).build(), c -> guard(c,
                () -> Values.of(Crypto.jwsEncode(c.arg(0), c.input(), c.arg(1), c.text(2), c.integer(3)))));
        digest(r, "md5", "MD5");
        r.register(filter("secureid_decode").arg("salt", TEXT).build(), c -> {
            throw XsError.fatal("Unsupported filter: secureid_decode (Xano's id obfuscation cannot be reproduced locally)");
        });
        r.register(filter("secureid_encode").arg("salt", TEXT).build(), c -> {
            throw XsError.fatal("Unsupported filter: secureid_encode (Xano's id obfuscation cannot be reproduced locally)");
        });
        digest(r, "sha1", "SHA-1");
        digest(r, "sha256", "SHA-256");
        digest(r, "sha384", "SHA-384");
        digest(r, "sha512", "SHA-512");
        r.register(filter("uuid").build(), c -> Values.of(UUID.randomUUID().toString()));
    }

    private static JsonNode text(FilterCall c) {
        c.inputText();
        return c.input();
    }

    private static void digest(FilterRegistry r, String name, String algorithm) {
        r.register(filter(name).opt("raw", BOOL, Values.FALSE).build(), c -> {
            try {
                byte[] d = MessageDigest.getInstance(algorithm).digest(Bytes.of(text(c)));
                return c.bool(0) ? Bytes.of(d) : Values.of(EncodingFilters.hex(d));
            } catch (GeneralSecurityException e) {
                throw c.error(e.getMessage());
            }
        });
    }

    private static void hmac(FilterRegistry r, String name, String algorithm) {
        r.register(filter(name).arg("key", TEXT).opt("raw", BOOL, Values.FALSE).build(), c -> {
            byte[] d = Crypto.mac(algorithm, Bytes.of(c.arg(0)), Bytes.of(text(c)));
            return c.bool(1) ? Bytes.of(d) : Values.of(EncodingFilters.hex(d));
        });
    }

    /** Runs a {@link Crypto} operation, naming the filter in its failure. */
    private static JsonNode guard(FilterCall c, java.util.function.Supplier<JsonNode> op) {
        try {
            return op.get();
        } catch (Crypto.Failure e) {
            throw c.error(e.getMessage());
        }
    }
}
