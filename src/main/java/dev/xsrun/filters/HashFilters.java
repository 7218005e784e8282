package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.ArgType.BOOL;
import static dev.xsrun.filters.ArgType.INT;
import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/** Digests, HMACs, OpenSSL-style AES, compact JWS/JWE, and identifiers (spec 6.8), all on the JDK's crypto. */
final class HashFilters {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong UID_COUNTER = new AtomicLong();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DEC = Base64.getUrlDecoder();

    private HashFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("create_uid").build(), c -> {
            long h = Values.toText(c.input()).hashCode() & 0x3FFL;
            long t = System.currentTimeMillis() & 0x1FFFFFFFFFFL;
            return Values.of((t << 22) | (h << 12) | (UID_COUNTER.incrementAndGet() & 0xFFF));
        });
        r.register(filter("decrypt").arg("algorithm", TEXT).arg("key", TEXT).arg("iv", TEXT).build(), c -> {
            try {
                return Bytes.of(aes(c, Cipher.DECRYPT_MODE, Bytes.of(text(c))));
            } catch (GeneralSecurityException e) {
                throw c.error("unable to decrypt: " + e.getMessage());
            }
        });
        r.register(filter("encrypt").arg("algorithm", TEXT).arg("key", TEXT).arg("iv", TEXT).build(), c -> {
            try {
                return Bytes.of(aes(c, Cipher.ENCRYPT_MODE, Bytes.of(text(c))));
            } catch (GeneralSecurityException e) {
                throw c.error("unable to encrypt: " + e.getMessage());
            }
        });
        hmac(r, "hmac_md5", "HmacMD5");
        hmac(r, "hmac_sha1", "HmacSHA1");
        hmac(r, "hmac_sha256", "HmacSHA256");
        hmac(r, "hmac_sha384", "HmacSHA384");
        hmac(r, "hmac_sha512", "HmacSHA512");
        r.register(filter("jwe_decode").arg("checks", ANY).arg("key", TEXT).arg("key_algorithm", TEXT)
                .arg("content_algorithm", TEXT).build(), HashFilters::jweDecode);
        r.register(filter("jwe_encode").arg("headers", ANY).arg("key", TEXT).arg("key_algorithm", TEXT)
                .arg("content_algorithm", TEXT).build(), HashFilters::jweEncode);
        r.register(filter("jws_decode").arg("checks", ANY).arg("key", TEXT).arg("algorithm", TEXT).build(), HashFilters::jwsDecode);
        r.register(filter("jws_encode").arg("headers", ANY).arg("key", TEXT).arg("algorithm", TEXT)
                .opt("ttl", INT, Values.of(0)).build(), HashFilters::jwsEncode);
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
            byte[] d = mac(algorithm, Bytes.of(c.arg(0)), Bytes.of(text(c)));
            return c.bool(1) ? Bytes.of(d) : Values.of(EncodingFilters.hex(d));
        });
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance(algorithm);
            // an empty HMAC key is legal (RFC 2104) but SecretKeySpec refuses it; one zero byte is equivalent
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw XsError.fatal(e.getMessage());
        }
    }

    // ---- OpenSSL AES -----------------------------------------------------------------------------

    /** openssl_encrypt/decrypt with OPENSSL_RAW_DATA: short keys and IVs are zero-padded, long ones cut. */
    private static byte[] aes(FilterCall c, int mode, byte[] data) throws GeneralSecurityException {
        String alg = c.text(0).toLowerCase(Locale.ROOT).trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("aes-(128|192|256)-(cbc|ecb|ctr|cfb|ofb)").matcher(alg);
        if (!m.matches()) {
            throw c.error("unsupported cipher algorithm \"" + c.text(0) + "\"");
        }
        int keyLen = Integer.parseInt(m.group(1)) / 8;
        String blockMode = m.group(2).toUpperCase(Locale.ROOT);
        byte[] key = Arrays.copyOf(Bytes.of(c.arg(1)), keyLen);
        String padding = blockMode.equals("CBC") || blockMode.equals("ECB") ? "PKCS5Padding" : "NoPadding";
        Cipher cipher = Cipher.getInstance("AES/" + blockMode + "/" + padding);
        if (blockMode.equals("ECB")) {
            cipher.init(mode, new SecretKeySpec(key, "AES"));
        } else {
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(Bytes.of(c.arg(2)), 16)));
        }
        return cipher.doFinal(data);
    }

    // ---- JWS ---------------------------------------------------------------------------------------

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] b) {
        return B64URL.encodeToString(b);
    }

    private static byte[] unb64(FilterCall c, String s) {
        try {
            return B64URL_DEC.decode(s);
        } catch (IllegalArgumentException e) {
            throw c.error("malformed token");
        }
    }

    private static ObjectNode header(FilterCall c, JsonNode extra, String... fixed) {
        if (!extra.isNull() && !extra.isObject()) {
            throw c.error("headers must be an object");
        }
        ObjectNode h = Values.object();
        for (int i = 0; i < fixed.length; i += 2) {
            h.put(fixed[i], fixed[i + 1]);
        }
        if (extra.isObject()) {
            extra.fields().forEachRemaining(e -> {
                if (!h.has(e.getKey())) {
                    h.set(e.getKey(), Values.copy(e.getValue()));
                }
            });
        }
        return h;
    }

    private static byte[] payload(FilterCall c, long ttl) {
        JsonNode in = c.input();
        if (in.isObject()) {
            ObjectNode claims = ((ObjectNode) in).deepCopy();
            if (ttl > 0) {
                long now = System.currentTimeMillis() / 1000;
                claims.put("iat", now);
                claims.put("exp", now + ttl);
            }
            return utf8(Json.encode(claims));
        }
        return Bytes.of(in.isContainerNode() ? Values.of(Json.encode(in)) : in);
    }

    private static JsonNode readPayload(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        JsonNode v = Json.tryParse(s);
        return v != null && v.isContainerNode() ? EncodingFilters.normalize(v) : Bytes.of(bytes);
    }

    private static JsonNode jwsEncode(FilterCall c) {
        String alg = c.text(2);
        ObjectNode h = header(c, c.arg(0), "alg", alg);
        String input = b64(utf8(Json.encode(h))) + "." + b64(payload(c, c.integer(3)));
        return Values.of(input + "." + b64(sign(c, alg, c.text(1), utf8(input))));
    }

    private static JsonNode jwsDecode(FilterCall c) {
        String[] parts = c.inputText().split("\\.", -1);
        if (parts.length != 3) {
            throw c.error("malformed token");
        }
        JsonNode h = Json.tryParse(new String(unb64(c, parts[0]), StandardCharsets.UTF_8));
        String alg = c.text(2);
        if (h == null || !h.isObject() || !alg.equals(Values.toText(Values.orNull(h.get("alg"))))) {
            throw c.error("the token's algorithm does not match " + alg);
        }
        if (!verify(c, alg, c.text(1), utf8(parts[0] + "." + parts[1]), unb64(c, parts[2]))) {
            throw c.error("invalid signature");
        }
        checkHeaders(c, h, c.arg(0));
        JsonNode payload = readPayload(unb64(c, parts[1]));
        checkTimes(c, payload);
        return payload;
    }

    private static void checkHeaders(FilterCall c, JsonNode header, JsonNode checks) {
        if (checks.isObject()) {
            checks.fields().forEachRemaining(e -> {
                JsonNode got = header.get(e.getKey());
                if (got == null || !Operators.looseEquals(got, e.getValue())) {
                    throw c.error("header check failed for " + e.getKey());
                }
            });
        }
    }

    private static void checkTimes(FilterCall c, JsonNode payload) {
        if (!payload.isObject()) {
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        JsonNode exp = payload.get("exp");
        if (exp != null && exp.isNumber() && now >= exp.asLong()) {
            throw c.error("the token has expired");
        }
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && nbf.isNumber() && now < nbf.asLong()) {
            throw c.error("the token is not yet valid");
        }
    }

    private static byte[] sign(FilterCall c, String alg, String key, byte[] input) {
        try {
            if (alg.startsWith("HS")) {
                return mac("HmacSHA" + bits(c, alg), utf8(key), input);
            }
            Signature s = signature(c, alg);
            s.initSign(privateKey(c, key, alg.startsWith("ES") ? "EC" : "RSA"));
            s.update(input);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw c.error("unable to sign: " + e.getMessage());
        }
    }

    private static boolean verify(FilterCall c, String alg, String key, byte[] input, byte[] sig) {
        try {
            if (alg.startsWith("HS")) {
                return MessageDigest.isEqual(mac("HmacSHA" + bits(c, alg), utf8(key), input), sig);
            }
            Signature s = signature(c, alg);
            s.initVerify(publicKey(c, key, alg.startsWith("ES") ? "EC" : "RSA"));
            s.update(input);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String bits(FilterCall c, String alg) {
        String b = alg.length() == 5 ? alg.substring(2) : "";
        if (!b.equals("256") && !b.equals("384") && !b.equals("512")) {
            throw c.error("unsupported algorithm \"" + alg + "\"");
        }
        return b;
    }

    private static Signature signature(FilterCall c, String alg) throws GeneralSecurityException {
        String b = bits(c, alg);
        switch (alg.substring(0, 2)) {
            case "RS":
                return Signature.getInstance("SHA" + b + "withRSA");
            case "ES":
                return Signature.getInstance("SHA" + b + "withECDSAinP1363Format");
            case "PS": {
                Signature s = Signature.getInstance("RSASSA-PSS");
                String md = "SHA-" + b;
                s.setParameter(new PSSParameterSpec(md, "MGF1", new MGF1ParameterSpec(md), Integer.parseInt(b) / 8, 1));
                return s;
            }
            default:
                throw c.error("unsupported algorithm \"" + alg + "\"");
        }
    }

    private static byte[] pem(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static PrivateKey privateKey(FilterCall c, String text, String type) {
        try {
            byte[] der = pem(text);
            if (text.contains("BEGIN RSA PRIVATE KEY")) {
                der = pkcs1ToPkcs8(der);
            }
            return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw c.error("the key is not a PEM private key (PKCS#8 or PKCS#1)");
        }
    }

    private static PublicKey publicKey(FilterCall c, String text, String type) {
        try {
            if (text.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))).getPublicKey();
            }
            return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(pem(text)));
        } catch (Exception e) {
            throw c.error("the key is not a PEM public key or certificate");
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in the PKCS#8 structure the JDK reads. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] octet = der(0x04, pkcs1);
        byte[] version = {0x02, 0x01, 0x00};
        ByteBuffer seq = ByteBuffer.allocate(version.length + algId.length + octet.length);
        seq.put(version).put(algId).put(octet);
        return der(0x30, seq.array());
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] len;
        if (content.length < 128) {
            len = new byte[] {(byte) content.length};
        } else {
            byte[] n = BigInteger.valueOf(content.length).toByteArray();
            int skip = n[0] == 0 ? 1 : 0;
            len = new byte[n.length - skip + 1];
            len[0] = (byte) (0x80 | (n.length - skip));
            System.arraycopy(n, skip, len, 1, n.length - skip);
        }
        ByteBuffer b = ByteBuffer.allocate(1 + len.length + content.length);
        b.put((byte) tag).put(len).put(content);
        return b.array();
    }

    // ---- JWE ---------------------------------------------------------------------------------------

    private static int cekLength(FilterCall c, String enc) {
        switch (enc) {
            case "A128CBC-HS256":
                return 32;
            case "A192CBC-HS384":
                return 48;
            case "A256CBC-HS512":
                return 64;
            case "A128GCM":
                return 16;
            case "A192GCM":
                return 24;
            case "A256GCM":
                return 32;
            default:
                throw c.error("unsupported content algorithm \"" + enc + "\"");
        }
    }

    private static JsonNode jweEncode(FilterCall c) {
        String alg = c.text(2);
        String enc = c.text(3);
        byte[] key = utf8(c.text(1));
        int cekLen = cekLength(c, enc);
        byte[] cek;
        byte[] encryptedKey;
        try {
            if (alg.equals("dir")) {
                if (key.length != cekLen) {
                    throw c.error("the key must be " + cekLen + " bytes long for " + enc);
                }
                cek = key;
                encryptedKey = new byte[0];
            } else {
                cek = new byte[cekLen];
                RANDOM.nextBytes(cek);
                encryptedKey = wrapKey(c, alg, c.text(1), cek, true);
            }
            String protectedHeader = b64(utf8(Json.encode(header(c, c.arg(0), "alg", alg, "enc", enc))));
            byte[] aad = protectedHeader.getBytes(StandardCharsets.US_ASCII);
            byte[][] ivCtTag = contentEncrypt(enc, cek, aad, payload(c, 0));
            return Values.of(protectedHeader + "." + b64(encryptedKey) + "." + b64(ivCtTag[0]) + "." + b64(ivCtTag[1]) + "." + b64(ivCtTag[2]));
        } catch (GeneralSecurityException e) {
            throw c.error("unable to encrypt: " + e.getMessage());
        }
    }

    private static JsonNode jweDecode(FilterCall c) {
        String[] parts = c.inputText().split("\\.", -1);
        if (parts.length != 5) {
            throw c.error("malformed token");
        }
        String alg = c.text(2);
        String enc = c.text(3);
        JsonNode h = Json.tryParse(new String(unb64(c, parts[0]), StandardCharsets.UTF_8));
        if (h == null || !h.isObject() || !alg.equals(Values.toText(Values.orNull(h.get("alg"))))
                || !enc.equals(Values.toText(Values.orNull(h.get("enc"))))) {
            throw c.error("the token's algorithms do not match " + alg + " / " + enc);
        }
        checkHeaders(c, h, c.arg(0));
        int cekLen = cekLength(c, enc);
        try {
            byte[] cek = alg.equals("dir") ? utf8(c.text(1)) : wrapKey(c, alg, c.text(1), unb64(c, parts[1]), false);
            if (cek.length != cekLen) {
                throw c.error("unable to decrypt: wrong key length");
            }
            byte[] plain = contentDecrypt(enc, cek, parts[0].getBytes(StandardCharsets.US_ASCII),
                    unb64(c, parts[2]), unb64(c, parts[3]), unb64(c, parts[4]));
            JsonNode payload = readPayload(plain);
            checkTimes(c, payload);
            return payload;
        } catch (GeneralSecurityException e) {
            throw c.error("unable to decrypt: " + e.getMessage());
        }
    }

    private static byte[] wrapKey(FilterCall c, String alg, String key, byte[] data, boolean wrap) throws GeneralSecurityException {
        switch (alg) {
            case "A128KW":
            case "A192KW":
            case "A256KW": {
                byte[] kek = utf8(key);
                if (kek.length != Integer.parseInt(alg.substring(1, 4)) / 8) {
                    throw c.error("the key must be " + Integer.parseInt(alg.substring(1, 4)) / 8 + " bytes long for " + alg);
                }
                Cipher ci = Cipher.getInstance("AESWrap");
                if (wrap) {
                    ci.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
                    return ci.wrap(new SecretKeySpec(data, "AES"));
                }
                ci.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
                return ci.unwrap(data, "AES", Cipher.SECRET_KEY).getEncoded();
            }
            case "RSA-OAEP":
            case "RSA-OAEP-256": {
                String md = alg.equals("RSA-OAEP") ? "SHA-1" : "SHA-256";
                Cipher ci = Cipher.getInstance("RSA/ECB/OAEPPadding");
                OAEPParameterSpec spec = new OAEPParameterSpec(md, "MGF1", new MGF1ParameterSpec(md), PSource.PSpecified.DEFAULT);
                if (wrap) {
                    ci.init(Cipher.ENCRYPT_MODE, publicKey(c, key, "RSA"), spec);
                } else {
                    ci.init(Cipher.DECRYPT_MODE, privateKey(c, key, "RSA"), spec);
                }
                return ci.doFinal(data);
            }
            default:
                throw c.error("unsupported key algorithm \"" + alg + "\"");
        }
    }

    private static byte[][] contentEncrypt(String enc, byte[] cek, byte[] aad, byte[] plain) throws GeneralSecurityException {
        if (enc.endsWith("GCM")) {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher ci = Cipher.getInstance("AES/GCM/NoPadding");
            ci.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            ci.updateAAD(aad);
            byte[] out = ci.doFinal(plain);
            return new byte[][] {iv, Arrays.copyOf(out, out.length - 16), Arrays.copyOfRange(out, out.length - 16, out.length)};
        }
        int half = cek.length / 2;
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        Cipher ci = Cipher.getInstance("AES/CBC/PKCS5Padding");
        ci.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(cek, half, cek.length), "AES"), new IvParameterSpec(iv));
        byte[] ct = ci.doFinal(plain);
        return new byte[][] {iv, ct, cbcTag(cek, aad, iv, ct)};
    }

    private static byte[] contentDecrypt(String enc, byte[] cek, byte[] aad, byte[] iv, byte[] ct, byte[] tag) throws GeneralSecurityException {
        if (enc.endsWith("GCM")) {
            Cipher ci = Cipher.getInstance("AES/GCM/NoPadding");
            ci.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            ci.updateAAD(aad);
            byte[] both = Arrays.copyOf(ct, ct.length + tag.length);
            System.arraycopy(tag, 0, both, ct.length, tag.length);
            return ci.doFinal(both);
        }
        if (!MessageDigest.isEqual(cbcTag(cek, aad, iv, ct), tag)) {
            throw new GeneralSecurityException("authentication tag mismatch");
        }
        int half = cek.length / 2;
        Cipher ci = Cipher.getInstance("AES/CBC/PKCS5Padding");
        ci.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(cek, half, cek.length), "AES"), new IvParameterSpec(iv));
        return ci.doFinal(ct);
    }

    /** RFC 7518 5.2.2: HMAC over AAD, IV, ciphertext and the AAD bit length, cut to half the key size. */
    private static byte[] cbcTag(byte[] cek, byte[] aad, byte[] iv, byte[] ct) {
        int half = cek.length / 2;
        String alg = "HmacSHA" + (half * 16);
        ByteBuffer b = ByteBuffer.allocate(aad.length + iv.length + ct.length + 8);
        b.put(aad).put(iv).put(ct).putLong((long) aad.length * 8);
        return Arrays.copyOf(mac(alg, Arrays.copyOf(cek, half), b.array()), half);
    }
}
