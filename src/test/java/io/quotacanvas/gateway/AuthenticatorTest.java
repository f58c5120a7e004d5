package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.Secret;
import io.quotacanvas.token.vault.ApiKeyVault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
    @TempDir
    Path config;

    ApiKeyVault vault() {
        return new ApiKeyVault(config, Clock.systemUTC());
    }

    @Test
    void configAndVaultKeysPassAsBearerTokensAndNothingElseDoes() {
        String stored = vault().generate(null).key();
        Authenticator auth = new Authenticator(List.of(new Secret("test-config-key-0001")), vault(), false);

        assertTrue(auth.allows("Bearer test-config-key-0001"));
        assertTrue(auth.allows("bearer " + stored));
        assertFalse(auth.allows("Bearer test-config-key-0002"));
        assertFalse(auth.allows("test-config-key-0001"), "the scheme is required");
        assertFalse(auth.allows("Basic dGVzdDp0ZXN0"));
        assertFalse(auth.allows("Bearer "));
        assertFalse(auth.allows(null));
    }

    @Test
    void withoutAnyKeyOnlyALoopbackGatewayLetsRequestsIn() {
        assertTrue(new Authenticator(List.of(), vault(), true).allows(null));
        assertFalse(new Authenticator(List.of(), vault(), false).allows(null));
    }

    @Test
    void removingTheLastKeyOfAPublicGatewayClosesItInsteadOfOpeningIt() {
        Authenticator publicGateway = new Authenticator(List.of(), vault(), false);
        String key = vault().generate("only").key();
        assertTrue(publicGateway.allows("Bearer " + key));

        vault().remove("only");

        assertFalse(publicGateway.allows("Bearer " + key));
        assertFalse(publicGateway.allows(null));
    }

    @Test
    void aKeyAddedWhileALoopbackGatewayRunsIsRequiredFromThenOn() {
        Authenticator loopback = new Authenticator(List.of(), vault(), true);
        assertTrue(loopback.allows(null));

        String key = vault().generate(null).key();

        assertFalse(loopback.allows(null));
        assertTrue(loopback.allows("Bearer " + key));
    }
}
