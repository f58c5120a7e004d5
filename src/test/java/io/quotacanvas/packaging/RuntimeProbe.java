package io.quotacanvas.packaging;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javax.crypto.KeyAgreement;
import javax.imageio.ImageIO;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/// Run by the *bundled* runtime (see [InstallerIT]) to show that the trimmed runtime has what the program
/// reaches only at run time: a TLS 1.3 handshake with an EC key over loopback, the CA certificates, ECDH
/// and X25519, Chinese locale data, ImageIO's PNG writer and the SQLite driver. Prints one `ok …` line per
/// check; any failure throws (exit 1).
public final class RuntimeProbe {
    private RuntimeProbe() {
    }

    /// `args[0]`: a PKCS12 keystore with an EC key `probe` (made by the bundled keytool), password "changeit".
    public static void main(String[] args) throws Exception {
        System.out.println("ok tls " + handshake(Path.of(args[0])));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        int cas = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers().length;
        if (cas < 50) {
            throw new IllegalStateException("only " + cas + " CA certificates");
        }
        System.out.println("ok cacerts " + cas);
        KeyAgreement.getInstance("ECDH");
        KeyAgreement.getInstance("X25519");
        System.out.println("ok ecdh x25519");
        String zh = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.SIMPLIFIED_CHINESE)
                .format(LocalDate.of(2026, 11, 24));
        if (!zh.contains("年")) {
            throw new IllegalStateException("no Chinese locale data: " + zh);
        }
        System.out.println("ok zh " + zh);
        if (!ImageIO.getImageWritersByFormatName("png").hasNext()) {
            throw new IllegalStateException("no PNG writer");
        }
        System.out.println("ok imageio");
        try (var c = DriverManager.getConnection("jdbc:sqlite::memory:"); var s = c.createStatement();
             var r = s.executeQuery("select sqlite_version()")) {
            r.next();
            System.out.println("ok sqlite " + r.getString(1));
        }
    }

    private static String handshake(Path keystore) throws Exception {
        char[] pass = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
            Thread echo = Thread.ofPlatform().start(() -> {
                try (SSLSocket s = (SSLSocket) server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(s.getInputStream().read());
                } catch (Exception ignored) {
                    // the client reports the failure
                }
            });
            try (SSLSocket client = (SSLSocket) tls.getSocketFactory().createSocket(loopback, server.getLocalPort())) {
                client.getOutputStream().write(42);
                client.getOutputStream().flush();
                if (client.getInputStream().read() != 42) {
                    throw new IllegalStateException("no echo over TLS");
                }
                String how = client.getSession().getProtocol() + " " + client.getSession().getCipherSuite();
                echo.join();
                return how;
            }
        }
    }
}
