package io.quotacanvas.token.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The gateway's API keys: made at random, kept only as salted hashes in an owner-only file, matched in any
/// process that shares the file, revoked at once.
class ApiKeyVaultTest {
    @TempDir
    Path config;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

    ApiKeyVault vault() {
        return new ApiKeyVault(config, clock);
    }

    @Test
    void aGeneratedKeyMatchesAndOnlyItsHashIsKept() throws Exception {
        ApiKeyVault.Generated made = vault().generate("open-webui");

        assertTrue(made.key().startsWith("qc_") && made.key().length() == 46, made.key());
        assertEquals(made.entry(), vault().match(made.key()).orElseThrow());
        String file = Files.readString(config.resolve("gateway-keys.json"));
        assertFalse(file.contains(made.key().substring(3, 40)), "the file must not hold the key");
        assertEquals("qc_…" + made.key().substring(42), made.entry().hint());
        assertEquals("open-webui", made.entry().label());
        assertEquals(Instant.parse("2026-11-24T08:00:00Z").getEpochSecond(), made.entry().addedAt().getEpochSecond());
        assertFalse(made.toString().contains(made.key()));
    }

    @Test
    void twoKeysNeverCollideAndTheSameKeyGetsADifferentSaltedHash() throws Exception {
        String a = vault().generate(null).key();
        String b = vault().generate(null).key();
        assertNotEquals(a, b);

        ApiKeyVault other = new ApiKeyVault(config.resolve("other"), clock);
        other.add("test-own-key-0000001", null);
        vault().add("test-own-key-0000001", null);
        String one = Files.readString(config.resolve("gateway-keys.json"));
        String two = Files.readString(config.resolve("other/gateway-keys.json"));
        String hashOne = one.substring(one.lastIndexOf("\"hash\""));
        String hashTwo = two.substring(two.lastIndexOf("\"hash\""));
        assertNotEquals(hashOne, hashTwo);
    }

    @Test
    void wrongShortOrEmptyKeysNeverMatch() {
        vault().generate(null);

        assertTrue(vault().match("qc_not-the-key-at-all-000000000000000000000000").isEmpty());
        assertTrue(vault().match("").isEmpty());
        assertTrue(vault().match(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> vault().add("too-short", null));
        assertThrows(IllegalArgumentException.class, () -> vault().add("has a space in the middle", null));
    }

    @Test
    void aKeyAddedOrRemovedByAnotherProcessCountsAtOnce() {
        ApiKeyVault running = vault();
        assertFalse(running.hasKeys());

        ApiKeyVault.Generated made = vault().generate("script");
        assertTrue(running.match(made.key()).isPresent());

        assertEquals(made.entry(), vault().remove("script").orElseThrow());
        assertTrue(running.match(made.key()).isEmpty());
        assertFalse(running.hasKeys());
        assertTrue(vault().remove("script").isEmpty());
    }

    @Test
    void theFileIsOwnerOnlyAndRefusedWhenOthersCanReadIt() throws Exception {
        vault().generate(null);
        Path file = config.resolve("gateway-keys.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        VaultException e = assertThrows(VaultException.class, () -> vault().list());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    /// Regression: the keys file was written through its own temp files (`.gateway-keys.json-…tmp`), which no
    /// clean-up recognised, so a crashed write's copy of the key hashes stayed in the config folder.
    @Test
    void aCrashedWritersTempFileIsRemovedAtTheNextChangeAndNoneIsLeftBehind() throws Exception {
        Path leftover = Files.writeString(config.resolve(".qc-999999999-crashed.tmp"), "{\"keys\":[]}");

        vault().generate("laptop");

        try (var files = Files.list(config)) {
            assertEquals(List.of("gateway-keys.json", "gateway-keys.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(leftover));
    }

    /// Regression: each instance had its own in-process lock, so two instances on one file in one process
    /// asked the OS for the same file lock at once and one failed (an overlapping lock).
    @Test
    void twoInstancesInOneProcessChangingTheFileAtOnceLoseNoKey() throws Exception {
        ApiKeyVault a = vault();
        ApiKeyVault b = vault();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> adds = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ApiKeyVault v = i % 2 == 0 ? a : b;
                String label = "key-" + i;
                adds.add(pool.submit(() -> v.generate(label)));
            }
            for (Future<?> f : adds) {
                f.get();
            }
        }

        assertEquals(16, vault().list().size());
    }

    @Test
    void duplicatesAndTakenLabelsAreRefused() {
        vault().add("test-own-key-0000001", "laptop");

        assertThrows(VaultException.class, () -> vault().add("test-own-key-0000001", null));
        assertThrows(VaultException.class, () -> vault().add("test-own-key-0000002", "laptop"));
        assertEquals(List.of("laptop"), vault().list().stream().map(ApiKeyEntry::label).toList());
    }
}
