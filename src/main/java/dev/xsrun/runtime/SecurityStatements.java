package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.filters.Bytes;
import dev.xsrun.filters.Crypto;
import dev.xsrun.value.Values;
import java.util.function.Function;

/**
 * The {@code security.*} statements that work on values only: password checks, AES, JWS, JWE and
 * key generation. Each takes the statement's evaluated attributes (a lookup by name that answers
 * null for an absent attribute) and returns its result; the work is done by {@link Crypto}, whose
 * failures the caller turns into errors. Nothing here knows the interpreter.
 */
final class SecurityStatements {
    private SecurityStatements() {
    }

    private static JsonNode get(Function<String, JsonNode> attrs, String name, JsonNode fallback) {
        JsonNode v = attrs.apply(name);
        return v == null ? fallback : v;
    }

    private static String text(Function<String, JsonNode> attrs, String name, String fallback) {
        JsonNode v = attrs.apply(name);
        return v == null || v.isNull() ? fallback : Values.toText(v);
    }

    private static long number(Function<String, JsonNode> attrs, String name, long fallback) {
        JsonNode v = attrs.apply(name);
        return v == null || v.isNull() ? fallback : Values.toLong(v);
    }

    /** {@code security.check_password}: true when text_password matches the bcrypt hash_password. */
    static JsonNode checkPassword(Function<String, JsonNode> attrs) {
        JsonNode hash = get(attrs, "hash_password", Values.NULL);
        return Values.of(hash.isTextual() && Crypto.checkPassword(text(attrs, "text_password", ""), hash.textValue()));
    }

    static JsonNode encrypt(Function<String, JsonNode> attrs) {
        return aes(attrs, true);
    }

    static JsonNode decrypt(Function<String, JsonNode> attrs) {
        return aes(attrs, false);
    }

    private static JsonNode aes(Function<String, JsonNode> attrs, boolean encrypt) {
        return Bytes.of(Crypto.aes(text(attrs, "algorithm", "aes-256-cbc"), Bytes.of(get(attrs, "key", Values.of(""))),
                Bytes.of(get(attrs, "iv", Values.of(""))), Bytes.of(get(attrs, "data", Values.of(""))), encrypt));
    }

    static JsonNode jwsEncode(Function<String, JsonNode> attrs) {
        return Values.of(Crypto.jwsEncode(get(attrs, "headers", Values.NULL), get(attrs, "claims", Values.object()),
                get(attrs, "key", Values.of("")), text(attrs, "signature_algorithm", "HS256"), number(attrs, "ttl", 0)));
    }

    static JsonNode jwsDecode(Function<String, JsonNode> attrs) {
        return Crypto.jwsDecode(text(attrs, "token", ""), get(attrs, "check_claims", Values.NULL), true,
                get(attrs, "key", Values.of("")), text(attrs, "signature_algorithm", "HS256"), number(attrs, "timeDrift", 0));
    }

    static JsonNode jweEncode(Function<String, JsonNode> attrs) {
        return Values.of(Crypto.jweEncode(get(attrs, "headers", Values.NULL), get(attrs, "claims", Values.object()),
                get(attrs, "key", Values.of("")), text(attrs, "key_algorithm", "A256KW"),
                text(attrs, "content_algorithm", "A256CBC-HS512"), number(attrs, "ttl", 0)));
    }

    static JsonNode jweDecode(Function<String, JsonNode> attrs) {
        return Crypto.jweDecode(text(attrs, "token", ""), get(attrs, "check_claims", Values.NULL), true,
                get(attrs, "key", Values.of("")), text(attrs, "key_algorithm", "A256KW"),
                text(attrs, "content_algorithm", "A256CBC-HS512"), number(attrs, "timeDrift", 0));
    }

    static JsonNode createSecretKey(Function<String, JsonNode> attrs) {
        return Crypto.createSecretKey(number(attrs, "bits", 256), text(attrs, "format", "object"));
    }

    static JsonNode createCurveKey(Function<String, JsonNode> attrs) {
        return Crypto.createCurveKey(text(attrs, "curve", "P-256"), text(attrs, "format", "object"));
    }

    static JsonNode createRsaKey(Function<String, JsonNode> attrs) {
        return Crypto.createRsaKey(number(attrs, "bits", 2048), text(attrs, "format", "object"));
    }
}
