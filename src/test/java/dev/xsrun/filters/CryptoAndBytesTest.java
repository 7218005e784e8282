package dev.xsrun.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Chains the golden table cannot express: byte strings passed between filters, ciphertext checked
 * against the openssl command line, and JWS/JWE round trips with random IVs and generated keys.
 */
class CryptoAndBytesTest {
    private static final FilterRegistry R = FilterRegistry.standard();

    private static JsonNode f(String name, JsonNode input, JsonNode... args) {
        FilterRegistry.Entry e = R.lookup(name);
        JsonNode[] bound = FilterBinder.bind(e.spec(), args);
        return e.body().apply(new FilterCall(name, input, bound, args.length, new Lambda[bound.length], null));
    }

    private static JsonNode t(String s) {
        return Values.of(s);
    }

    @Test
    void byteStringsSurviveChains() {
        assertEquals("5d41402abc4b2a76b9719d911017c592", f("bin2hex", f("md5", t("hello"), Values.TRUE)).textValue());
        assertEquals("e9", f("bin2hex", f("from_utf8", t("é"))).textValue());
        assertEquals("é", f("to_utf8", f("from_utf8", t("é"))).textValue());
        assertEquals("/wA=", f("base64_encode", f("hex2bin", t("ff00"))).textValue());
        assertEquals("ff00", f("bin2hex", f("base64_decode", t("/wA="))).textValue());
        assertEquals("e9", f("bin2hex", f("convert_encoding", t("é"), t("ISO-8859-1"), t("UTF-8"))).textValue());
        assertEquals("%FF%00", f("url_encode", f("hex2bin", t("ff00"))).textValue());
        assertEquals("ISO-8859-1", f("detect_encoding", f("hex2bin", t("e9"))).textValue());
        assertEquals("ff", f("bin2hex", f("url_decode", t("%FF"))).textValue());
    }

    @Test
    void aesMatchesOpenssl() {
        // printf 'Hello, World!' | openssl enc -aes-256-cbc -K <hex of key> -iv <hex of iv> | base64
        JsonNode key = t("0123456789abcdef0123456789abcdef");
        JsonNode iv = t("abcdef9876543210");
        JsonNode c = f("encrypt", t("Hello, World!"), t("aes-256-cbc"), key, iv);
        assertEquals("DfEqOqyhMvD1C5o9v1fhvQ==", f("base64_encode", c).textValue());
        assertEquals("Hello, World!", f("decrypt", c, t("aes-256-cbc"), key, iv).textValue());
        // a short key is zero-padded as openssl_encrypt does; ECB ignores the iv
        JsonNode ecb = f("encrypt", t("Hello"), t("AES-128-ECB"), t("shortkey"), t(""));
        assertEquals("auPxeQ0tJRZHWAAMK+5MgQ==", f("base64_encode", ecb).textValue());
        JsonNode ctr = f("encrypt", t("Hello"), t("aes-128-ctr"), t("0123456789abcdef"), t("iv"));
        assertEquals("b/S2hSg=", f("base64_encode", ctr).textValue());
        assertEquals("Hello", f("decrypt", ctr, t("aes-128-ctr"), t("0123456789abcdef"), t("iv")).textValue());
        assertThrows(XsError.class, () -> f("decrypt", c, t("aes-256-cbc"), t("wrong key wrong key wrong key 32"), iv));
    }

    @Test
    void jweRoundTrips() {
        JsonNode claims = FilterCases.value("{\"sub\":\"42\",\"n\":[1,2]}");
        String[][] combos = {{"A256KW", "A256CBC-HS512", "0123456789abcdef0123456789abcdef"},
            {"A128KW", "A128GCM", "0123456789abcdef"}, {"dir", "A256GCM", "0123456789abcdef0123456789abcdef"},
            {"A192KW", "A192CBC-HS384", "0123456789abcdef01234567"}};
        for (String[] c : combos) {
            JsonNode token = f("jwe_encode", claims, Values.object(), t(c[2]), t(c[0]), t(c[1]));
            assertEquals(5, token.textValue().split("\\.", -1).length);
            String header = new String(Base64.getUrlDecoder().decode(token.textValue().split("\\.")[0]));
            assertEquals("{\"alg\":\"" + c[0] + "\",\"enc\":\"" + c[1] + "\"}", header);
            JsonNode back = f("jwe_decode", token, Values.object(), t(c[2]), t(c[0]), t(c[1]));
            assertEquals(Json.encode(claims), Json.encode(back));
        }
        // a key of another length is cut or zero-padded (Xano's own example uses a 38-character A256KW key)
        JsonNode odd = f("jwe_encode", claims, Values.object(), t("a-secret-that-is-longer-than-32-bytes!"), t("A256KW"), t("A256GCM"));
        assertEquals(Json.encode(claims), Json.encode(f("jwe_decode", odd, Values.object(),
                t("a-secret-that-is-longer-than-32-bytes!"), t("A256KW"), t("A256GCM"))));
        JsonNode token = f("jwe_encode", t("plain text"), Values.object(), t("0123456789abcdef"), t("A128KW"), t("A128GCM"));
        assertEquals("plain text", f("jwe_decode", token, Values.object(), t("0123456789abcdef"), t("A128KW"), t("A128GCM")).textValue());
        // one character of the tag changed: the second-last, all six of whose bits are the tag's (the last
        // one's low bits are padding); putting "AA" there failed to change a tag that already ended so
        String text = token.textValue();
        char second = text.charAt(text.length() - 2);
        String tampered = text.substring(0, text.length() - 2) + (second == 'A' ? 'B' : 'A') + text.charAt(text.length() - 1);
        assertThrows(XsError.class, () -> f("jwe_decode", t(tampered), Values.object(), t("0123456789abcdef"), t("A128KW"), t("A128GCM")));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void rsaAndEcSignaturesAndRsaOaep() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rk = rsa.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ek = ec.generateKeyPair();
        JsonNode claims = FilterCases.value("{\"sub\":\"1\"}");
        String[][] cases = {{"RS256", pem("PRIVATE KEY", rk.getPrivate().getEncoded()), pem("PUBLIC KEY", rk.getPublic().getEncoded())},
            {"PS384", pem("PRIVATE KEY", rk.getPrivate().getEncoded()), pem("PUBLIC KEY", rk.getPublic().getEncoded())},
            {"ES256", pem("PRIVATE KEY", ek.getPrivate().getEncoded()), pem("PUBLIC KEY", ek.getPublic().getEncoded())}};
        for (String[] c : cases) {
            JsonNode token = f("jws_encode", claims, FilterCases.value("{\"kid\":\"k1\"}"), t(c[1]), t(c[0]));
            String header = new String(Base64.getUrlDecoder().decode(token.textValue().split("\\.")[0]));
            assertEquals("{\"alg\":\"" + c[0] + "\",\"kid\":\"k1\"}", header);
            assertEquals("{\"sub\":\"1\"}", Json.encode(f("jws_decode", token, FilterCases.value("{\"kid\":\"k1\"}"), t(c[2]), t(c[0]))));
        }
        JsonNode token = f("jwe_encode", claims, Values.object(), t(pem("PUBLIC KEY", rk.getPublic().getEncoded())),
                t("RSA-OAEP-256"), t("A256GCM"));
        assertEquals("{\"sub\":\"1\"}", Json.encode(f("jwe_decode", token, Values.object(),
                t(pem("PRIVATE KEY", rk.getPrivate().getEncoded())), t("RSA-OAEP-256"), t("A256GCM"))));
    }

    @Test
    void jwsTtlAddsExpiryAndExpiredTokensFail() {
        JsonNode token = f("jws_encode", FilterCases.value("{\"sub\":\"1\"}"), Values.object(), t("secret"), t("HS256"), Values.of(60));
        JsonNode payload = f("jws_decode", token, Values.object(), t("secret"), t("HS256"));
        assertEquals(60, payload.get("exp").asLong() - payload.get("iat").asLong());
        JsonNode expired = f("jws_encode", FilterCases.value("{\"exp\":1}"), Values.object(), t("secret"), t("HS256"));
        XsError e = assertThrows(XsError.class, () -> f("jws_decode", expired, Values.object(), t("secret"), t("HS256")));
        assertTrue(e.getMessage().contains("expired"));
    }

    @Test
    void uidsAreUniqueAndPositive() {
        long a = f("create_uid", t("x")).longValue();
        long b = f("create_uid", t("x")).longValue();
        assertTrue(a > 0 && b > 0 && a != b);
    }
}
