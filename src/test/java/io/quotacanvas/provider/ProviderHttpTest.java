package io.quotacanvas.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {
    private static final HttpUrl URL = HttpUrl.get("https://gitee.example/v1/images/generations");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Outcome.Failure io(IOException e) {
        return IoFailures.classify(e, URL, new CallScope(), NOW.plusSeconds(10), NOW);
    }

    @Test
    void endpointsResolveBelowTheBaseWithOrWithoutATrailingSlash() {
        for (String base : new String[] {"https://h/v1", "https://h/v1/"}) {
            var config = TestConfigs.provider(ProviderId.A4F, base).build();
            assertEquals("https://h/v1/images/generations", ProviderHttp.endpoint(config, "images/generations").toString());
        }
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRejectedAtConstruction() {
        var config = TestConfigs.provider(ProviderId.A4F, "ftp://h/v1").build();

        assertThrows(IllegalArgumentException.class, () -> ProviderHttp.baseUrl(config));
    }

    @Test
    void timeoutsOfEveryKindAreTimeouts() {
        assertTrue(io(new SocketTimeoutException("Read timed out")) instanceof Outcome.Timeout);
        assertTrue(io(new SocketTimeoutException("Connect timed out")).message().contains("connect"));
        assertTrue(io(new InterruptedIOException("timeout")) instanceof Outcome.Timeout);
        var late = IoFailures.classify(new IOException("Canceled"), URL, new CallScope(), NOW.minusMillis(1), NOW);
        assertTrue(late instanceof Outcome.Timeout);
    }

    @Test
    void aCancelledScopeWinsOverEverythingElse() {
        CallScope scope = new CallScope();
        scope.cancel("window closed");

        var f = IoFailures.classify(new InterruptedIOException("timeout"), URL, scope, NOW, NOW);

        assertEquals(Outcome.NetworkError.cancelled("window closed"), f);
    }

    @Test
    void connectionTroubleIsANetworkErrorWithAShortMessage() {
        assertEquals("unknown host gitee.example", io(new UnknownHostException("gitee.example")).message());
        assertEquals("connection refused by gitee.example:443", io(new ConnectException("Connection refused")).message());
        assertTrue(io(new SSLHandshakeException("PKIX path building failed")).message().startsWith("TLS handshake"));
        assertEquals("connection reset by gitee.example:443", io(new IOException("Connection reset")).message());
        assertTrue(io(new IOException("unexpected end of stream")).message().contains("closed the connection"));
    }
}
