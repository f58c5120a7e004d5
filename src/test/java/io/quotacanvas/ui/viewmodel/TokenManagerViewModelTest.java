package io.quotacanvas.ui.viewmodel;

import static io.quotacanvas.ui.viewmodel.TokenDesk.GOOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.token.vault.VaultEntry;
import io.quotacanvas.ui.viewmodel.TokenRow.TestVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The token manager's view-model on the real core (file vault, SQLite ledger, probes against a loopback
/// server) with a same-thread task service and a clock that only moves when told.
class TokenManagerViewModelTest {
    static final String CANARY = "canary-desk-token-9a7b3c5d";
    static final String BAD = "gitee-bad-token-0000002";

    @TempDir
    Path home;
    TokenDesk desk;

    TokenDesk open(boolean readOnlyTokens) throws Exception {
        desk = new TokenDesk(home, readOnlyTokens);
        desk.vm.refresh();
        return desk;
    }

    @AfterEach
    void close() throws Exception {
        if (desk != null) {
            assertTrue(desk.unexpected.isEmpty(), desk.unexpected.toString());
            desk.close();
        }
    }

    @Test
    void rowsShowLabelsMaskedValuesSourcesAndStatesAndReadOnlyRowsSayWhereToChangeThem() throws Exception {
        open(true);
        desk.add(CANARY, "desk");
        desk.core.ledger().cool(TokenDesk.token(ProviderId.GITEE, CANARY), null, TokenDesk.START.plusSeconds(1800),
                FailureClass.QUOTA_EXHAUSTED, "quota used up", TokenDesk.START);
        desk.core.ledger().invalidate(TokenDesk.token(ProviderId.GITEE, TokenDesk.ENV_TOKEN), "token rejected",
                TokenDesk.START);
        desk.vm.refresh();
        desk.status.refresh();

        List<TokenRow> rows = desk.gitee();
        assertEquals(List.of("gitee#1", "gitee#2", "desk"), rows.stream().map(TokenRow::title).toList());
        assertEquals(List.of("config", "env:QUOTA_CANVAS_GITEE_TOKENS", "vault"),
                rows.stream().map(TokenRow::source).toList());
        assertEquals(List.of("…7c01", "…7e02", "…3c5d"), rows.stream().map(TokenRow::value).toList());
        assertEquals(List.of(false, false, true), rows.stream().map(TokenRow::editable).toList());
        assertEquals("This token comes from the environment variable QUOTA_CANVAS_GITEE_TOKENS: change it there.",
                rows.get(1).readOnlyWhy());
        assertEquals("ready", rows.get(0).stateText().get());
        assertEquals("invalid: token rejected", rows.get(1).stateText().get());
        assertEquals("cooling until 08:30 (quota used up) · 30:00 left", rows.get(2).stateText().get());
        assertEquals("never used · no images today", rows.get(2).facts());
        assertEquals("gitee — 1 of 3 ready · no images today", desk.vm.section(ProviderId.GITEE).titleProperty().get());
        assertEquals("hf anonymous", desk.rows(ProviderId.HUGGINGFACE).getLast().label());

        QuotaGroup.Line turbo = desk.vm.quota().stream().filter(g -> g.provider() == ProviderId.GITEE).findFirst()
                .orElseThrow().lines().getFirst();
        assertEquals("1 of 3 ready", turbo.ready());
        assertEquals("gitee#3 …3c5d until 08:30 (quota used up)", turbo.cooling());
        assertEquals("gitee 1/3 · next reset 30:00", desk.status.summary(ProviderId.GITEE).get(),
                "the status bar agrees with the quota panel's default model");
    }

    @Test
    void addRenameDisableReorderAndRemoveAreWhatTheCommandLineSeesAndWhatTheEngineRoutes() throws Exception {
        open(false);
        desk.add("gitee-first-token-0001\ngitee-second-token-0002, gitee-first-token-0001\n\n", "desk");
        assertEquals("Added 2 gitee tokens; 1 duplicate or blank dropped.", desk.vm.noticeProperty().get());
        assertEquals("", desk.vm.pastedProperty().get(), "the paste box is emptied once the tokens are stored");
        assertEquals(List.of("desk 1", "desk 2"), desk.cliVault().entries(ProviderId.GITEE).stream()
                .map(VaultEntry::label).toList());
        assertEquals("gitee 2/2", desk.status.summary(ProviderId.GITEE).get());

        desk.vm.rename(desk.gitee().get(0), "laptop");
        desk.vm.moveDown(desk.gitee().get(0));
        assertEquals(List.of("desk 2", "laptop"), desk.cliVault().entries(ProviderId.GITEE).stream()
                .map(VaultEntry::label).toList());
        assertEquals(List.of("…0002", "…0001"), desk.core.tokenPool().tokens(ProviderId.GITEE).stream()
                .map(t -> t.secret().masked()).toList(), "the engine's pool rotates in the new order");

        desk.vm.toggleEnabled(desk.gitee().get(0));
        assertFalse(desk.cliVault().entries(ProviderId.GITEE).get(0).enabled());
        assertEquals("disabled", desk.gitee().get(0).stateText().get());
        assertEquals(1, desk.core.tokenPool().tokens(ProviderId.GITEE).size());
        assertEquals("gitee 1/1", desk.status.summary(ProviderId.GITEE).get());

        desk.vm.remove(desk.gitee().get(1));
        assertEquals(List.of("desk 2"), desk.cliVault().entries(ProviderId.GITEE).stream()
                .map(VaultEntry::label).toList());
        assertEquals("Removed gitee#2 …0001 from the vault.", desk.vm.noticeProperty().get());
        assertEquals(5, desk.poolChanges, "each edit refreshed the status bar");
    }

    @Test
    void editsMadeByTheCommandLineShowAtTheNextReading() throws Exception {
        open(false);
        desk.cliVault().add(ProviderId.GITEE, List.of("gitee-from-cli-token-0003"), "cli");
        desk.vm.refresh();
        assertEquals(List.of("cli"), desk.gitee().stream().map(TokenRow::title).toList());
    }

    @Test
    void readOnlyRowsIgnoreEditsAndOnlyVaultRowsMove() throws Exception {
        open(true);
        desk.add("gitee-vault-token-a-001\ngitee-vault-token-b-002", null);
        List<TokenRow> rows = desk.gitee();
        assertEquals(List.of(false, false, false, true), rows.stream().map(TokenRow::canMoveUp).toList());
        assertEquals(List.of(false, false, true, false), rows.stream().map(TokenRow::canMoveDown).toList());

        desk.vm.remove(rows.get(0));
        desk.vm.toggleEnabled(rows.get(1));
        assertEquals(4, desk.gitee().size());
        assertTrue(desk.gitee().get(1).enabled());
    }

    @Test
    void aCooledTokenCountsDownAndTurnsReadyAtItsInstant() throws Exception {
        open(false);
        desk.add(CANARY, null);
        desk.core.ledger().cool(TokenDesk.token(ProviderId.GITEE, CANARY), null, TokenDesk.START.plusSeconds(90),
                FailureClass.RATE_LIMITED, "slow down", TokenDesk.START);
        desk.vm.refresh();
        TokenRow row = desk.gitee().getFirst();
        assertEquals("cooling until 08:01 (rate limited) · 01:30 left", row.stateText().get());

        desk.clock.advance(Duration.ofSeconds(60));
        desk.vm.tick();
        assertEquals("cooling until 08:01 (rate limited) · 00:30 left", row.stateText().get());

        desk.clock.advance(Duration.ofSeconds(30));
        desk.vm.tick();
        assertInstanceOf(TokenState.Ready.class, desk.gitee().getFirst().state());
        assertEquals("ready", desk.gitee().getFirst().stateText().get());
    }

    @Test
    void clearCoolingPutsATokenBackAtOnce() throws Exception {
        open(false);
        desk.add(CANARY, null);
        desk.core.ledger().cool(TokenDesk.token(ProviderId.GITEE, CANARY), "z-image-turbo",
                TokenDesk.START.plusSeconds(3600), FailureClass.QUOTA_EXHAUSTED, "spent", TokenDesk.START);
        desk.vm.refresh();
        TokenRow row = desk.gitee().getFirst();
        assertTrue(row.clearable());
        assertEquals("ready; z-image-turbo: cooling until 09:00 (quota used up) · 1:00:00 left", row.stateText().get());

        desk.vm.clearCooling(row);
        assertFalse(desk.gitee().getFirst().clearable());
        assertEquals("ready", desk.gitee().getFirst().stateText().get());
    }

    @Test
    void testRunsTheProbeMarksRejectedTokensInvalidAndAPassingTestBringsThemBack() throws Exception {
        open(false);
        desk.add(GOOD + "\n" + BAD, null);

        desk.vm.test(desk.gitee().get(0));
        desk.vm.test(desk.gitee().get(1));
        TokenRow good = desk.gitee().get(0);
        TokenRow bad = desk.gitee().get(1);
        assertEquals(TestVerdict.PASSED, good.verdict());
        assertEquals("Test passed: token accepted by gitee (GET /models)", good.testText());
        assertEquals(TestVerdict.FAILED, bad.verdict());
        assertTrue(bad.testText().startsWith("Rejected: "), bad.testText());
        assertInstanceOf(TokenState.Invalid.class, bad.state());
        assertEquals("gitee 1/2", desk.status.summary(ProviderId.GITEE).get());

        desk.acceptAny = true;
        desk.vm.test(bad);
        assertInstanceOf(TokenState.Ready.class, desk.gitee().get(1).state());
        assertEquals(3, desk.server.getRequestCount(), "one probe per test");
    }

    @Test
    void anInvalidTokenComesBackWhenItIsAddedAgainOrReEnabled() throws Exception {
        open(false);
        desk.add(BAD, null);
        desk.vm.test(desk.gitee().getFirst());
        assertInstanceOf(TokenState.Invalid.class, desk.gitee().getFirst().state());
        desk.vm.remove(desk.gitee().getFirst());

        desk.add(BAD, null);
        assertInstanceOf(TokenState.Ready.class, desk.gitee().getFirst().state());

        desk.core.ledger().invalidate(TokenDesk.token(ProviderId.GITEE, BAD), "rejected", TokenDesk.START);
        desk.vm.toggleEnabled(desk.gitee().getFirst());
        desk.vm.toggleEnabled(desk.gitee().getFirst());
        assertInstanceOf(TokenState.Ready.class, desk.gitee().getFirst().state());
    }

    @Test
    void aProviderWithoutAFreeProbeSaysSo() throws Exception {
        open(false);
        desk.cliVault().add(ProviderId.MODELSCOPE, List.of("ms-token-without-probe-01"), null);
        desk.vm.refresh();
        desk.vm.test(desk.rows(ProviderId.MODELSCOPE).getFirst());
        TokenRow row = desk.rows(ProviderId.MODELSCOPE).getFirst();
        assertEquals(TestVerdict.NO_PROBE, row.verdict());
        assertEquals("No free test: no free probe for modelscope; the next image request will tell", row.testText());
    }

    @Test
    void revealShowsTheRawTokenOnlyUntilHiddenOrClosed() throws Exception {
        open(false);
        desk.add(CANARY, null);
        TokenRow row = desk.gitee().getFirst();
        assertEquals("…3c5d", row.value());
        assertFalse(row.toString().contains(CANARY));

        desk.vm.toggleReveal(row);
        assertEquals(CANARY, desk.gitee().getFirst().value());
        assertFalse(desk.gitee().getFirst().toString().contains(CANARY));
        desk.vm.toggleReveal(desk.gitee().getFirst());
        assertEquals("…3c5d", desk.gitee().getFirst().value());

        desk.vm.toggleReveal(desk.gitee().getFirst());
        desk.vm.close();
        assertEquals("…3c5d", desk.gitee().getFirst().value());
        assertNull(desk.gitee().getFirst().readOnlyWhy());
    }
}
