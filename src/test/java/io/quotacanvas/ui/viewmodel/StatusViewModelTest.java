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
    void aNewUserSeesThePublicSpacesInTheBarAndTheAutoBadgeNotZeroTokens() {
        io.quotacanvas.ui.FakeStudio studio = new io.quotacanvas.ui.FakeStudio(dir);
        studio.noTokens = true;
        studio.publicSpaces = true;
        io.quotacanvas.ui.I18n i18n = new io.quotacanvas.ui.I18n(java.util.Locale.ENGLISH);
        StatusViewModel status = new StatusViewModel(studio, io.quotacanvas.ui.TaskService.sameThread(), i18n,
                p -> { }, e -> { });
        status.refresh();

        assertEquals(List.of(ProviderId.HUGGINGFACE), status.statuses().stream().map(ProviderStatus::provider).toList(),
                "the route a new user really has, and only that");
        assertEquals("huggingface · public Spaces ready", status.summary(ProviderId.HUGGINGFACE).get());
        assertEquals("public Spaces (no token)", status.badge(null).get());
        assertEquals("public Spaces (no token)", status.badge(ProviderId.HUGGINGFACE).get());

        studio.statuses = Map.of(ProviderId.HUGGINGFACE, new ProviderStatus(ProviderId.HUGGINGFACE, 0, 0, 0, 0, null,
                new ProviderStatus.Anonymous(false, FakeStudio.NOW.plusSeconds(3 * 3600))));
        status.refresh();
        assertEquals("huggingface · public Spaces back in 3:00:00", status.summary(ProviderId.HUGGINGFACE).get());
        i18n.localeProperty().set(java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals("公共 Spaces，无需令牌", status.badge(null).get());
    }

    @Test
    void withTokensThePublicSpacesStillShowBesideThem() {
        io.quotacanvas.ui.FakeStudio studio = new io.quotacanvas.ui.FakeStudio(dir);
        studio.publicSpaces = true;
        StatusViewModel status = new StatusViewModel(studio, io.quotacanvas.ui.TaskService.sameThread(),
                new io.quotacanvas.ui.I18n(java.util.Locale.ENGLISH), p -> { }, e -> { });
        status.refresh();
        assertEquals(List.of(ProviderId.GITEE, ProviderId.A4F, ProviderId.HUGGINGFACE),
                status.statuses().stream().map(ProviderStatus::provider).toList());
        assertEquals("3/3 tokens ready + public Spaces", status.badge(null).get());
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
