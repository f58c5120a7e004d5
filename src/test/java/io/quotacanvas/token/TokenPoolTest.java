package io.quotacanvas.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.testing.TestConfigs;
import io.quotacanvas.token.vault.TokenVault;
import io.quotacanvas.token.vault.TokenVaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The pool merges config, environment and vault tokens in that order, first source winning on duplicates.
class TokenPoolTest {
    static final ProviderId GITEE = ProviderId.GITEE;

    @TempDir
    Path config;

    AppConfig configWithEnv() {
        return TestConfigs.load("""
                providers:
                  gitee:
                    tokens: [gitee-config-token-0001, gitee-shared-token-0009]
                """, Map.of("QUOTA_CANVAS_GITEE_TOKENS", "gitee-env-token-0002,gitee-shared-token-0009"));
    }

    @Test
    void configThenEnvironmentThenVaultEachWithItsSourceAndDuplicatesDroppedFirstSourceWinning() {
        TokenVault vault = TokenVaults.file(config, Clock.systemUTC());
        vault.add(GITEE, List.of("gitee-vault-token-0003", "gitee-env-token-0002"), null);

        List<Token> tokens = TokenPool.merged(configWithEnv(), vault).tokens(GITEE);

        assertEquals(List.of("gitee#1 …0001", "gitee#2 …0009", "gitee#3 …0002", "gitee#4 …0003"),
                tokens.stream().map(Token::label).toList());
        assertEquals(List.of("config", "config", "env:QUOTA_CANVAS_GITEE_TOKENS", "vault"),
                tokens.stream().map(Token::source).toList());
    }

    @Test
    void disabledVaultTokensAreListedButNotRoutedAndLabelsStayPut() {
        TokenVault vault = TokenVaults.file(config, Clock.systemUTC());
        vault.add(GITEE, List.of("gitee-vault-token-0003", "gitee-vault-token-0004"), "spare");
        TokenPool pool = TokenPool.merged(configWithEnv(), vault);

        vault.setEnabled(GITEE, vault.entries(GITEE).getFirst().id(), false);

        List<PoolEntry> entries = pool.entries(GITEE);
        assertEquals(5, entries.size());
        PoolEntry disabled = entries.get(3);
        assertFalse(disabled.enabled());
        assertEquals("spare 1", disabled.name());
        assertTrue(disabled.editable());
        assertEquals("gitee#5 …0004", pool.tokens(GITEE).getLast().label(), "the later token keeps its number");
        assertEquals(4, pool.tokens(GITEE).size());
        assertFalse(entries.getFirst().editable());
        assertEquals("the config file", entries.getFirst().origin());
        assertEquals("the environment variable QUOTA_CANVAS_GITEE_TOKENS", entries.get(2).origin());
    }

    @Test
    void vaultEditsCountFromTheNextCallAndAnUnreadableVaultKeepsTheLastGoodReading() throws Exception {
        TokenVault vault = TokenVaults.file(config, Clock.systemUTC());
        TokenPool pool = TokenPool.merged(configWithEnv(), vault);
        assertEquals(3, pool.tokens(GITEE).size());

        vault.add(GITEE, List.of("gitee-vault-token-0003"), null);
        assertEquals(4, pool.tokens(GITEE).size());

        Files.setPosixFilePermissions(config.resolve("tokens.json"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(4, pool.tokens(GITEE).size());
    }

    @Test
    void withoutAVaultOnlyConfiguredTokensArePooled() {
        TokenPool pool = TokenPool.fromConfig(configWithEnv());

        assertEquals(3, pool.tokens(GITEE).size());
        assertTrue(pool.tokens(ProviderId.MODELSCOPE).isEmpty());
    }
}
