package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.FakeStudio;
import io.quotacanvas.ui.StudioFixture;
import io.quotacanvas.ui.service.ProviderStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusViewModelTest {
    @TempDir
    Path dir;

    @Test
    void badgesAndTheStatusBarShowReadyTokensAndTheNextReset() {
        StudioFixture f = new StudioFixture(dir);
        f.studio.statuses = Map.of(
                ProviderId.GITEE, new ProviderStatus(ProviderId.GITEE, 1, 1, 0, 2, FakeStudio.NOW.plusSeconds(252)),
                ProviderId.A4F, new ProviderStatus(ProviderId.A4F, 0, 0, 0, 0, null));
        StatusViewModel status = f.vm.status();
        status.refresh();

        assertEquals("1 of 2 tokens cooling", status.badge(ProviderId.GITEE).get());
        assertEquals("no tokens", status.badge(ProviderId.A4F).get());
        assertEquals("1 of 2 tokens ready", status.badge(null).get());
        assertEquals("gitee 1/2 · next reset 04:12", status.summary(ProviderId.GITEE).get());
        assertEquals("a4f 0/0", status.summary(ProviderId.A4F).get());
        f.i18n.localeProperty().set(java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals("gitee 1/2 · 下次重置 04:12", status.summary(ProviderId.GITEE).get());
    }

    @Test
    void onlyEnabledProvidersAreShownAndClickingOpensTheTokenManager() {
        List<ProviderId> opened = new ArrayList<>();
        StudioFixture f = new StudioFixture(dir);
        StatusViewModel status = new StatusViewModel(f.studio, io.quotacanvas.ui.TaskService.sameThread(), f.i18n,
                opened::add, e -> { });
        assertEquals(List.of(ProviderId.GITEE, ProviderId.A4F), status.statuses().stream().map(ProviderStatus::provider).toList());
        status.openTokenManager(ProviderId.GITEE);
        assertEquals(List.of(ProviderId.GITEE), opened);
    }
}
