package dev.xsrun.http;

import dev.xsrun.runtime.XsError;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * SSL contexts for api.request's TLS switches. {@code verify_peer=false} trusts every certificate (and so
 * checks no host name either); {@code verify_host=false} keeps the chain check but skips the host-name
 * check; {@code ca_certificate} adds PEM certificates to the JDK's trusted roots.
 *
 * <p>The host-name check works through JSSE's rules: a plain {@link X509TrustManager} is wrapped by
 * JSSE, which then checks the host name itself; an {@link X509ExtendedTrustManager} is trusted to do it,
 * so returning one that skips it turns the check off for that context only.
 */
final class Tls {
    private Tls() {
    }

    static SSLContext context(boolean verifyPeer, boolean verifyHost, String caPem) {
        try {
            TrustManager tm;
            if (!verifyPeer) {
                tm = new TrustAll();
            } else {
                List<X509TrustManager> chain = new ArrayList<>();
                chain.add(defaultTrust(null));
                if (caPem != null && !caPem.isBlank()) {
                    chain.add(defaultTrust(keyStoreOf(caPem)));
                }
                X509TrustManager any = new AnyOf(chain);
                tm = verifyHost ? any : new NoHostCheck(any);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
            return ctx;
        } catch (XsError e) {
            throw e;
        } catch (Exception e) {
            throw XsError.fatal("Could not set up TLS: " + e.getMessage());
        }
    }

    /**
     * The context of a client that only speaks plain http: no key, no trusted certificate, and so no
     * trust store read. A TLS handshake through it would fail; none happens.
     */
    static SSLContext plainOnly() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[0], new TrustManager[] {new TrustNone()}, null);
            return ctx;
        } catch (Exception e) {
            throw XsError.fatal("Could not set up the HTTP client: " + e.getMessage());
        }
    }

    private static KeyStore keyStoreOf(String pem) throws Exception {
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw XsError.fatal("ca_certificate is not a valid PEM certificate");
        }
        if (certs.isEmpty()) {
            throw XsError.fatal("ca_certificate is not a valid PEM certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }

    private static X509TrustManager defaultTrust(KeyStore ks) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager t : tmf.getTrustManagers()) {
            if (t instanceof X509TrustManager) {
                return (X509TrustManager) t;
            }
        }
        throw new IllegalStateException("no X509 trust manager available");
    }

    /** Trusts a chain when any of its members does. Plain (not extended), so JSSE checks the host name. */
    private static final class AnyOf implements X509TrustManager {
        private final List<X509TrustManager> members;

        AnyOf(List<X509TrustManager> members) {
            this.members = List.copyOf(members);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            members.get(0).checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager m : members) {
                try {
                    m.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            throw first;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>();
            for (X509TrustManager m : members) {
                all.addAll(List.of(m.getAcceptedIssuers()));
            }
            return all.toArray(new X509Certificate[0]);
        }
    }

    /** Checks the chain through its delegate and deliberately not the host name. */
    private static final class NoHostCheck extends X509ExtendedTrustManager {
        private final X509TrustManager d;

        NoHostCheck(X509TrustManager d) {
            this.d = d;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            d.checkClientTrusted(c, a);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            d.checkServerTrusted(c, a);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            d.checkClientTrusted(c, a);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            d.checkServerTrusted(c, a);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            d.checkClientTrusted(c, a);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
            d.checkServerTrusted(c, a);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return d.getAcceptedIssuers();
        }
    }

    /** verify_peer=false: accepts any certificate for any host. */
    /** Trusts no certificate at all. */
    private static final class TrustNone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client does not speak TLS");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client does not speak TLS");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String a) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
