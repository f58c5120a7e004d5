package io.quotacanvas.provider;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ForeignHostAuthGuardTest {
    @StartStop public final MockWebServer home = new MockWebServer();
    @StartStop public final MockWebServer elsewhere = new MockWebServer();

    private OkHttpClient providerClient() {
        ProviderConfig config = TestConfigs.provider(ProviderId.GITEE, home.url("/v1").toString()).build();
        return HttpClients.forProvider(HttpClients.newBase(), config);
    }

    private static Request withAuth(okhttp3.HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + CANARY)
                .header("X-Api-Key", CANARY).build();
    }

    @Test
    void credentialsReachTheProvidersOwnHost() throws Exception {
        home.enqueue(new MockResponse.Builder().body("ok").build());

        try (Response response = providerClient().newCall(withAuth(home.url("/v1/x"))).execute()) {
            assertEquals(200, response.code());
            assertEquals("Bearer " + CANARY, home.takeRequest().getHeaders().get("Authorization"));
        }
    }

    @Test
    void credentialsAreStrippedFromARequestToAnotherHostEvenIfSomeoneAddedThem() throws Exception {
        elsewhere.enqueue(new MockResponse.Builder().body("ok").build());

        try (Response response = providerClient().newCall(withAuth(elsewhere.url("/steal"))).execute()) {
            assertEquals(200, response.code());
            var headers = elsewhere.takeRequest().getHeaders();
            assertNull(headers.get("Authorization"));
            assertNull(headers.get("X-Api-Key"));
        }
    }

    @Test
    void aRedirectHopToAnotherHostLosesTheCredentials() throws Exception {
        home.enqueue(new MockResponse.Builder().code(302).addHeader("Location", elsewhere.url("/next")).build());
        elsewhere.enqueue(new MockResponse.Builder().body("ok").build());

        try (Response response = providerClient().newCall(withAuth(home.url("/v1/x"))).execute()) {
            assertEquals(200, response.code());
            assertEquals("Bearer " + CANARY, home.takeRequest().getHeaders().get("Authorization"));
            var redirected = elsewhere.takeRequest().getHeaders();
            assertNull(redirected.get("Authorization"));
            assertNull(redirected.get("X-Api-Key"), "OkHttp only drops Authorization itself; the guard drops the rest");
        }
    }
}
