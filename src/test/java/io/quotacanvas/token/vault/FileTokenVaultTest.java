package io.quotacanvas.token.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The owner-only vault file: permissions at creation and on every read, edits, and two instances (the
/// app and a CLI run) sharing one file.
class FileTokenVaultTest {
    static final String CANARY = "canary-token-7f3a9c2e5b1d";
    static final ProviderId GITEE = ProviderId.GITEE;

    @TempDir
    Path config;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

    TokenVault vault() {
        return TokenVaults.file(config, clock);
    }

    Path file() {
        return config.resolve("tokens.json");
    }

    @Test
    void theFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        vault().add(GITEE, List.of(CANARY), null);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(config.resolve("tokens.json.lock"))));
        try (var leftovers = Files.list(config)) {
            assertEquals(List.of("tokens.json", "tokens.json.lock"),
                    leftovers.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left behind");
        }
    }

    /// Regression: nothing cleaned the config folder, so a crashed write's temp copy of the tokens stayed there.
    @Test
    void aCrashedWritersTempCopyOfTheTokensIsRemovedAtTheNextChange() throws Exception {
        Path leftover = Files.writeString(config.resolve(".qc-999999999-crashed.tmp"), CANARY);

        vault().add(GITEE, List.of(CANARY), null);

        assertFalse(Files.exists(leftover));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-r--r--"})
    void aFileOtherUsersCanReadIsRefusedWithItsFixAndLeftAsItWas(String perms) throws Exception {
        vault().add(GITEE, List.of(CANARY), null);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString(perms));

        VaultException e = assertThrows(VaultException.class, () -> vault().entries(GITEE));

        Path f = file().toAbsolutePath();
        assertEquals(f + " is readable by other users; run chmod 600 " + f + " and try again", e.getMessage());
        assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(file())), "never fixed");
        assertThrows(VaultException.class, () -> vault().add(GITEE, List.of("another-token-000000001"), null),
                "nor written");
        assertFalse(e.getMessage().contains(CANARY));
    }

    @Test
    void aFileOtherUsersCanWriteIsRefusedToo() throws Exception {
        vault().add(GITEE, List.of(CANARY), null);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw--w----"));

        VaultException e = assertThrows(VaultException.class, () -> vault().entries(GITEE));

        assertTrue(e.getMessage().contains("is writable by other users; run chmod 600"), e.getMessage());
    }

    @Test
    void addKeepsOrderDropsBlanksAndDuplicatesAndNamesSeveralTokens() {
        TokenVault v = vault();
        v.add(GITEE, List.of("gitee-token-aaaa-0001"), null);

        var result = v.add(GITEE, List.of("gitee-token-bbbb-0002", " ", "gitee-token-aaaa-0001",
                "gitee-token-cccc-0003", "gitee-token-bbbb-0002"), "work");

        assertEquals(2, result.added().size());
        assertEquals(3, result.dropped(), "one already in the vault, one repeated, one blank");
        List<VaultEntry> all = v.entries(GITEE);
        assertEquals(List.of("…0001", "…0002", "…0003"), all.stream().map(e -> e.secret().masked()).toList());
        assertEquals(java.util.Arrays.asList(null, "work 1", "work 2"), all.stream().map(VaultEntry::label).toList());
        assertTrue(all.stream().allMatch(VaultEntry::enabled));
        assertEquals(clock.instant().getEpochSecond(), all.getFirst().addedAt().getEpochSecond());
        assertTrue(v.entries(ProviderId.A4F).isEmpty(), "other providers untouched");
    }

    @Test
    void pastedTextSplitsOnNewlinesAndCommasDroppingBlanks() {
        assertEquals(List.of("a-1", "b-2", "c-3", "a-1"), TokenVault.split(" a-1 ,\r\n\nb-2,,c-3\na-1\n"));
        assertTrue(TokenVault.split(null).isEmpty());
    }

    @Test
    void editsMadeByOneInstanceAreSeenByAnotherSharingTheFile() {
        TokenVault app = vault();
        TokenVault cli = vault();
        app.add(GITEE, List.of("gitee-token-aaaa-0001", "gitee-token-bbbb-0002", "gitee-token-cccc-0003"), null);
        List<VaultEntry> seen = cli.entries(GITEE);
        String first = seen.get(0).id();
        String third = seen.get(2).id();

        cli.move(GITEE, third, 0);
        cli.rename(GITEE, first, "  personal ");
        app.setEnabled(GITEE, seen.get(1).id(), false);
        app.remove(GITEE, first);
        cli.add(GITEE, List.of("gitee-token-dddd-0004"), "spare");

        List<VaultEntry> after = app.entries(GITEE);
        assertEquals(List.of("…0003", "…0002", "…0004"), after.stream().map(e -> e.secret().masked()).toList());
        assertEquals(List.of(true, false, true), after.stream().map(VaultEntry::enabled).toList());
        assertEquals("spare", after.get(2).label());
        assertEquals(after, cli.entries(GITEE));
    }

    @Test
    void renameWithABlankNameClearsItAndMoveClampsTheIndex() {
        TokenVault v = vault();
        v.add(GITEE, List.of("gitee-token-aaaa-0001", "gitee-token-bbbb-0002"), "x");
        String id = v.entries(GITEE).getFirst().id();

        v.rename(GITEE, id, " ");
        v.move(GITEE, id, 99);

        assertNull(v.entries(GITEE).getLast().label());
        assertEquals(id, v.entries(GITEE).getLast().id());
    }

    @Test
    void editingAnUnknownEntryFailsWithAMessageAndRemovingOneReturnsFalse() {
        TokenVault v = vault();
        v.add(GITEE, List.of("gitee-token-aaaa-0001"), null);

        VaultException e = assertThrows(VaultException.class, () -> v.rename(GITEE, "nope", "x"));
        assertEquals("no gitee token with id nope in the vault", e.getMessage());
        assertFalse(v.remove(GITEE, "nope"));
        assertEquals(1, v.entries(GITEE).size());
    }

    @Test
    void aMissingFileIsAnEmptyVaultAndNothingIsWrittenByReading() {
        assertTrue(vault().entries(GITEE).isEmpty());
        vault().check();
        assertFalse(Files.exists(file()));
    }

    @Test
    void aDamagedFileIsReportedWithoutQuotingItsContent() throws Exception {
        vault().add(GITEE, List.of(CANARY), null);
        Files.writeString(file(), "{\"providers\": {\"gitee\": [{\"secret\": \"" + CANARY + "\" oops");

        VaultException e = assertThrows(VaultException.class, () -> vault().entries(GITEE));

        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains(CANARY));
    }

    @Test
    void entriesNeverShowTheRawValueInTheirText() {
        vault().add(GITEE, List.of(CANARY), "mine");

        String text = vault().entries(GITEE).toString();

        assertFalse(text.contains(CANARY), text);
        assertTrue(vault().protection().contains("readable by you only"), vault().protection());
    }
}
