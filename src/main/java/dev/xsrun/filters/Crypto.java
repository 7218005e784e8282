package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Json;
import dev.xsrun.value.Randomness;
import dev.xsrun.value.Values;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography behind the {@code security.*} statements and the matching filters, as pure
 * functions over values and text: OpenSSL-style AES, compact JWS (HS/RS/PS/ES 256-512) and JWE
 * (A128KW-A256KW, dir, RSA-OAEP(-256) with A*CBC-HS* and A*GCM), key generation as JWK objects or
 * PEM, and PHP {@code password_verify}-compatible bcrypt checks. Everything runs on the JDK.
 * Failures raise {@link Failure} with a message fit for the user; callers add their own prefix.
 */
public final class Crypto {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DEC = Base64.getUrlDecoder();
    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    /** A cryptographic operation that cannot be done: bad key, bad token, bad signature, expired. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private Crypto() {
    }

    // ---- OpenSSL AES -----------------------------------------------------------------------------

    /** openssl_encrypt/decrypt with OPENSSL_RAW_DATA: short keys and IVs are zero-padded, long ones cut. */
    public static byte[] aes(String algorithm, byte[] key, byte[] iv, byte[] data, boolean encrypt) {
        String alg = algorithm.toLowerCase(Locale.ROOT).trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("aes-(128|192|256)-(cbc|ecb|ctr|cfb|ofb|gcm)").matcher(alg);
        if (!m.matches()) {
            throw new Failure("unsupported cipher algorithm \"" + algorithm + "\"");
        }
        int keyLen = Integer.parseInt(m.group(1)) / 8;
        String blockMode = m.group(2).toUpperCase(Locale.ROOT);
        byte[] k = Arrays.copyOf(key, keyLen);
        int mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        try {
            if (blockMode.equals("GCM")) {
                // the 16-byte tag travels after the cipher text, as "cipher text || tag"
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, iv.length == 0 ? new byte[12] : iv));
                return cipher.doFinal(data);
            }
            String padding = blockMode.equals("CBC") || blockMode.equals("ECB") ? "PKCS5Padding" : "NoPadding";
            Cipher cipher = Cipher.getInstance("AES/" + blockMode + "/" + padding);
            if (blockMode.equals("ECB")) {
                cipher.init(mode, new SecretKeySpec(k, "AES"));
            } else {
                cipher.init(mode, new SecretKeySpec(k, "AES"), new IvParameterSpec(Arrays.copyOf(iv, 16)));
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new Failure((encrypt ? "unable to encrypt: " : "unable to decrypt: ") + e.getMessage());
        }
    }

    // ---- bcrypt (PHP password_verify) ---------------------------------------------------------------

    /**
     * Whether {@code password} matches {@code hash}, as PHP's password_verify answers for bcrypt
     * hashes ({@code $2y$}, {@code $2b$}, {@code $2a$}). Any other text is not a hash this checks: false.
     */
    public static boolean checkPassword(String password, String hash) {
        String again = Bcrypt.hash(password.getBytes(StandardCharsets.UTF_8), hash);
        return again != null && MessageDigest.isEqual(again.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new bcrypt hash of {@code password} ({@code $2y$}, PHP's default), with the given cost (4-31). */
    public static String hashPassword(String password, int cost) {
        if (cost < 4 || cost > 31) {
            throw new Failure("the bcrypt cost must be between 4 and 31");
        }
        byte[] salt = new byte[16];
        Randomness.get().nextBytes(salt);
        return Bcrypt.hash(password.getBytes(StandardCharsets.UTF_8), String.format("$2y$%02d$", cost) + Bcrypt.encode(salt, 16));
    }

    // ---- JWS ---------------------------------------------------------------------------------------

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] b) {
        return B64URL.encodeToString(b);
    }

    private static byte[] unb64(String s) {
        try {
            return B64URL_DEC.decode(s);
        } catch (IllegalArgumentException e) {
            throw new Failure("malformed token");
        }
    }

    private static ObjectNode header(JsonNode extra, String... fixed) {
        if (!extra.isNull() && !extra.isMissingNode() && !extra.isObject()) {
            throw new Failure("headers must be an object");
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

    private static byte[] payload(JsonNode in, long ttl) {
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

    /** A compact JWS of {@code claims} (an object, or any other value as its text), signed with {@code key}. */
    public static String jwsEncode(JsonNode headers, JsonNode claims, JsonNode key, String alg, long ttl) {
        ObjectNode h = header(headers, "alg", alg);
        String input = b64(utf8(Json.encode(h))) + "." + b64(payload(claims, ttl));
        return input + "." + b64(sign(alg, key, utf8(input)));
    }

    /**
     * The verified payload of a compact JWS. {@code checks} are values the header (the filter's
     * {@code checks}) or the claims (the statement's {@code check_claims}) must hold; {@code drift}
     * seconds of clock difference are allowed for {@code exp} and {@code nbf}.
     */
    public static JsonNode jwsDecode(String token, JsonNode checks, boolean checksClaims, JsonNode key, String alg, long drift) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Failure("malformed token");
        }
        JsonNode h = Json.tryParse(new String(unb64(parts[0]), StandardCharsets.UTF_8));
        if (h == null || !h.isObject() || !alg.equals(Values.toText(Values.orNull(h.get("alg"))))) {
            throw new Failure("the token's algorithm does not match " + alg);
        }
        if (!verify(alg, key, utf8(parts[0] + "." + parts[1]), unb64(parts[2]))) {
            throw new Failure("invalid signature");
        }
        JsonNode payload = readPayload(unb64(parts[1]));
        check(checksClaims ? payload : h, checks, checksClaims ? "claim" : "header");
        checkTimes(payload, drift);
        return payload;
    }

    private static void check(JsonNode target, JsonNode checks, String what) {
        if (checks.isObject()) {
            checks.fields().forEachRemaining(e -> {
                JsonNode got = target.isObject() ? target.get(e.getKey()) : null;
                if (got == null || !dev.xsrun.value.Operators.looseEquals(got, e.getValue())) {
                    throw new Failure(what + " check failed for " + e.getKey());
                }
            });
        }
    }

    private static void checkTimes(JsonNode payload, long drift) {
        if (!payload.isObject()) {
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        JsonNode exp = payload.get("exp");
        if (exp != null && exp.isNumber() && now >= exp.asLong() + drift) {
            throw new Failure("the token has expired");
        }
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && nbf.isNumber() && now + drift < nbf.asLong()) {
            throw new Failure("the token is not yet valid");
        }
    }

    private static byte[] sign(String alg, JsonNode key, byte[] input) {
        try {
            if (alg.startsWith("HS")) {
                return mac("HmacSHA" + bits(alg), secret(key), input);
            }
            Signature s = signature(alg);
            s.initSign(privateKey(key, alg.startsWith("ES") ? "EC" : "RSA"));
            s.update(input);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new Failure("unable to sign: " + e.getMessage());
        }
    }

    private static boolean verify(String alg, JsonNode key, byte[] input, byte[] sig) {
        try {
            if (alg.startsWith("HS")) {
                return MessageDigest.isEqual(mac("HmacSHA" + bits(alg), secret(key), input), sig);
            }
            Signature s = signature(alg);
            s.initVerify(publicKey(key, alg.startsWith("ES") ? "EC" : "RSA"));
            s.update(input);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] mac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance(algorithm);
            // an empty HMAC key is legal (RFC 2104) but SecretKeySpec refuses it; one zero byte is equivalent
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new Failure(e.getMessage());
        }
    }

    private static String bits(String alg) {
        String b = alg.length() == 5 ? alg.substring(2) : "";
        if (!b.equals("256") && !b.equals("384") && !b.equals("512")) {
            throw new Failure("unsupported algorithm \"" + alg + "\"");
        }
        return b;
    }

    private static Signature signature(String alg) throws GeneralSecurityException {
        String b = bits(alg);
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
                throw new Failure("unsupported algorithm \"" + alg + "\"");
        }
    }

    // ---- keys ---------------------------------------------------------------------------------------

    /** A shared secret: a JWK {@code oct} object's {@code k}, or the bytes of the key's text. */
    private static byte[] secret(JsonNode key) {
        if (key.isObject()) {
            if (!"oct".equals(Values.toText(Values.orNull(key.get("kty")))) || !key.has("k")) {
                throw new Failure("the key object is not a JWK secret key (kty \"oct\" with \"k\")");
            }
            return unb64(Values.toText(key.get("k")));
        }
        return Bytes.of(key);
    }

    private static byte[] pem(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static BigInteger jwkInt(JsonNode key, String name) {
        JsonNode v = key.get(name);
        if (v == null || !v.isTextual()) {
            throw new Failure("the JWK key has no \"" + name + "\"");
        }
        return new BigInteger(1, unb64(v.textValue()));
    }

    private static ECParameterSpec curve(JsonNode key) throws GeneralSecurityException {
        String crv = CURVES.get(Values.toText(Values.orNull(key.get("crv"))));
        if (crv == null) {
            throw new Failure("unsupported curve \"" + Values.toText(Values.orNull(key.get("crv"))) + "\"");
        }
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec(crv));
        return p.getParameterSpec(ECParameterSpec.class);
    }

    private static PrivateKey privateKey(JsonNode key, String type) {
        try {
            if (key.isObject()) {
                if (type.equals("EC")) {
                    return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(jwkInt(key, "d"), curve(key)));
                }
                return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(jwkInt(key, "n"), jwkInt(key, "e"),
                        jwkInt(key, "d"), jwkInt(key, "p"), jwkInt(key, "q"), jwkInt(key, "dp"), jwkInt(key, "dq"), jwkInt(key, "qi")));
            }
            String text = Values.toText(key);
            byte[] der = pem(text);
            if (text.contains("BEGIN RSA PRIVATE KEY")) {
                der = pkcs1ToPkcs8(der);
            }
            return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Failure e) {
            throw e;
        } catch (Exception e) {
            throw new Failure("the key is not a private key (PEM PKCS#8 or PKCS#1, or a JWK object)");
        }
    }

    private static PublicKey publicKey(JsonNode key, String type) {
        try {
            if (key.isObject()) {
                if (type.equals("EC")) {
                    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(jwkInt(key, "x"), jwkInt(key, "y")), curve(key)));
                }
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(jwkInt(key, "n"), jwkInt(key, "e")));
            }
            String text = Values.toText(key);
            if (text.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))).getPublicKey();
            }
            return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(pem(text)));
        } catch (Failure e) {
            throw e;
        } catch (Exception e) {
            throw new Failure("the key is not a public key (PEM, certificate, or a JWK object)");
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

    private static String jwkNum(BigInteger n) {
        byte[] b = n.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        return b64(b);
    }

    private static String pemText(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A random secret key of {@code bits} bits: a JWK {@code oct} object, or its bytes as base64 text when format is not "object". */
    public static JsonNode createSecretKey(long bits, String format) {
        if (bits < 8 || bits > 65536 || bits % 8 != 0) {
            throw new Failure("bits must be a multiple of 8 between 8 and 65536");
        }
        byte[] k = new byte[(int) (bits / 8)];
        Randomness.get().nextBytes(k);
        if (format.equals("object")) {
            ObjectNode o = Values.object();
            o.put("kty", "oct");
            o.put("k", b64(k));
            return o;
        }
        return Values.of(Base64.getEncoder().encodeToString(k));
    }

    /** A new elliptic-curve key pair: a private JWK object, or PKCS#8 PEM text when format is "pem". */
    public static JsonNode createCurveKey(String curve, String format) {
        String name = CURVES.get(curve);
        if (name == null) {
            throw new Failure("unsupported curve \"" + curve + "\" (P-256, P-384 or P-521)");
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(name), Randomness.get());
            KeyPair kp = g.generateKeyPair();
            if (!format.equals("object")) {
                return Values.of(pemText("PRIVATE KEY", kp.getPrivate().getEncoded()));
            }
            ECPublicKey pub = (ECPublicKey) kp.getPublic();
            int size = (pub.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            ObjectNode o = Values.object();
            o.put("kty", "EC");
            o.put("crv", curve);
            o.put("x", b64(fixed(pub.getW().getAffineX(), size)));
            o.put("y", b64(fixed(pub.getW().getAffineY(), size)));
            o.put("d", b64(fixed(((ECPrivateKey) kp.getPrivate()).getS(), size)));
            return o;
        } catch (GeneralSecurityException e) {
            throw new Failure("unable to create the key: " + e.getMessage());
        }
    }

    /** A new RSA key pair: a private JWK object, or PKCS#8 PEM text when format is "pem". */
    public static JsonNode createRsaKey(long bits, String format) {
        if (bits < 1024 || bits > 8192) {
            throw new Failure("bits must be between 1024 and 8192");
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize((int) bits, Randomness.get());
            KeyPair kp = g.generateKeyPair();
            if (!format.equals("object")) {
                return Values.of(pemText("PRIVATE KEY", kp.getPrivate().getEncoded()));
            }
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) kp.getPrivate();
            ObjectNode o = Values.object();
            o.put("kty", "RSA");
            o.put("n", jwkNum(((RSAPublicKey) kp.getPublic()).getModulus()));
            o.put("e", jwkNum(k.getPublicExponent()));
            o.put("d", jwkNum(k.getPrivateExponent()));
            o.put("p", jwkNum(k.getPrimeP()));
            o.put("q", jwkNum(k.getPrimeQ()));
            o.put("dp", jwkNum(k.getPrimeExponentP()));
            o.put("dq", jwkNum(k.getPrimeExponentQ()));
            o.put("qi", jwkNum(k.getCrtCoefficient()));
            return o;
        } catch (GeneralSecurityException e) {
            throw new Failure("unable to create the key: " + e.getMessage());
        }
    }

    private static byte[] fixed(BigInteger n, int size) {
        byte[] b = n.toByteArray();
        if (b.length == size) {
            return b;
        }
        byte[] out = new byte[size];
        int copy = Math.min(b.length, size);
        System.arraycopy(b, b.length - copy, out, size - copy, copy);
        return out;
    }

    // ---- JWE ---------------------------------------------------------------------------------------

    private static int cekLength(String enc) {
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
                throw new Failure("unsupported content algorithm \"" + enc + "\"");
        }
    }

    /** A compact JWE of {@code claims}: the content key wrapped with {@code key} by {@code alg}, the content sealed by {@code enc}. */
    public static String jweEncode(JsonNode headers, JsonNode claims, JsonNode key, String alg, String enc, long ttl) {
        int cekLen = cekLength(enc);
        byte[] cek;
        byte[] encryptedKey;
        try {
            if (alg.equals("dir")) {
                cek = Arrays.copyOf(secret(key), cekLen);
                encryptedKey = new byte[0];
            } else {
                cek = new byte[cekLen];
                Randomness.get().nextBytes(cek);
                encryptedKey = wrapKey(alg, key, cek, true);
            }
            String protectedHeader = b64(utf8(Json.encode(header(headers, "alg", alg, "enc", enc))));
            byte[] aad = protectedHeader.getBytes(StandardCharsets.US_ASCII);
            byte[][] ivCtTag = contentEncrypt(enc, cek, aad, payload(claims, ttl));
            return protectedHeader + "." + b64(encryptedKey) + "." + b64(ivCtTag[0]) + "." + b64(ivCtTag[1]) + "." + b64(ivCtTag[2]);
        } catch (GeneralSecurityException e) {
            throw new Failure("unable to encrypt: " + e.getMessage());
        }
    }

    /** The payload of a compact JWE; {@code checks} as for {@link #jwsDecode}. */
    public static JsonNode jweDecode(String token, JsonNode checks, boolean checksClaims, JsonNode key, String alg, String enc, long drift) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5) {
            throw new Failure("malformed token");
        }
        JsonNode h = Json.tryParse(new String(unb64(parts[0]), StandardCharsets.UTF_8));
        if (h == null || !h.isObject() || !alg.equals(Values.toText(Values.orNull(h.get("alg"))))
                || !enc.equals(Values.toText(Values.orNull(h.get("enc"))))) {
            throw new Failure("the token's algorithms do not match " + alg + " / " + enc);
        }
        if (!checksClaims) {
            check(h, checks, "header");
        }
        int cekLen = cekLength(enc);
        try {
            byte[] cek = alg.equals("dir") ? Arrays.copyOf(secret(key), cekLen) : wrapKey(alg, key, unb64(parts[1]), false);
            if (cek.length != cekLen) {
                throw new Failure("unable to decrypt: wrong key length");
            }
            byte[] plain = contentDecrypt(enc, cek, parts[0].getBytes(StandardCharsets.US_ASCII),
                    unb64(parts[2]), unb64(parts[3]), unb64(parts[4]));
            JsonNode payload = readPayload(plain);
            if (checksClaims) {
                check(payload, checks, "claim");
            }
            checkTimes(payload, drift);
            return payload;
        } catch (GeneralSecurityException e) {
            throw new Failure("unable to decrypt: " + e.getMessage());
        }
    }

    private static byte[] wrapKey(String alg, JsonNode key, byte[] data, boolean wrap) throws GeneralSecurityException {
        switch (alg) {
            case "A128KW":
            case "A192KW":
            case "A256KW": {
                // a key of another length is cut or zero-padded, as openssl_encrypt treats AES keys: Xano's
                // own example wraps with a 38-character secret under A256KW
                byte[] kek = Arrays.copyOf(secret(key), Integer.parseInt(alg.substring(1, 4)) / 8);
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
                    ci.init(Cipher.ENCRYPT_MODE, publicKey(key, "RSA"), spec);
                } else {
                    ci.init(Cipher.DECRYPT_MODE, privateKey(key, "RSA"), spec);
                }
                return ci.doFinal(data);
            }
            default:
                throw new Failure("unsupported key algorithm \"" + alg + "\"");
        }
    }

    private static byte[][] contentEncrypt(String enc, byte[] cek, byte[] aad, byte[] plain) throws GeneralSecurityException {
        if (enc.endsWith("GCM")) {
            byte[] iv = new byte[12];
            Randomness.get().nextBytes(iv);
            Cipher ci = Cipher.getInstance("AES/GCM/NoPadding");
            ci.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            ci.updateAAD(aad);
            byte[] out = ci.doFinal(plain);
            return new byte[][] {iv, Arrays.copyOf(out, out.length - 16), Arrays.copyOfRange(out, out.length - 16, out.length)};
        }
        int half = cek.length / 2;
        byte[] iv = new byte[16];
        Randomness.get().nextBytes(iv);
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
