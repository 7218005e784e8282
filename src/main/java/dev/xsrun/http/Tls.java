package dev.xsrun.http;

import dev.xsrun.value.XsError;
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
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.SSLContextSpi;
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
     * The context of a client that only speaks plain http: it has no TLS at all, so making the client
     * starts neither JSSE (its cipher-suite tables cost about a tenth of a second of CPU) nor the trust
     * store. Give the client {@link #plainParameters()} too, or it asks this context for them. Any use
     * of TLS through it fails; none happens, since such a client only gets http URLs and follows no
     * redirects.
     */
    static SSLContext plainOnly() {
        return new PlainOnly();
    }

    /** The SSL parameters of a plain-http client: never used, and not worth asking JSSE for. */
    static SSLParameters plainParameters() {
        return new SSLParameters();
    }

    private static final class PlainOnly extends SSLContext {
        PlainOnly() {
            super(new NoTls(), null, "none");
        }
    }

    private static final class NoTls extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("this client does not speak TLS");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return plainParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return plainParameters();
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
