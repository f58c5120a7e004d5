package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.SettingsStore;
import io.quotacanvas.ui.StudioFixture;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.TokenManagerHook;
import io.quotacanvas.ui.service.CoreStudioServices;
import io.quotacanvas.token.vault.TokenVaults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The first-run panel's model on the real core in a temp home, without the toolkit.
class WelcomeViewModelTest {
    @TempDir
    Path home;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final StudioFixture.RecordingDesktop desktop = new StudioFixture.RecordingDesktop();
    private CoreStudioServices services;

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    private MainViewModel studio(Map<String, String> extraEnv, Locale locale) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("QUOTA_CANVAS_HOME", home.toString(), "QUOTA_CANVAS_VAULT", "file"));
        env.putAll(extraEnv);
        if (services != null) {
            services.close();
        }
        services = new CoreStudioServices(QuotaCanvas.open(null, env, clock), clock);
        SettingsStore store = SettingsStore.load(home.resolve("state/studio.properties"));
        MainViewModel vm = new MainViewModel(services, TaskService.sameThread(), new I18n(locale), store, desktop,
                TokenManagerHook.NONE);
        vm.start();
        return vm;
    }

    private static WelcomeOffer offer(MainViewModel vm, ProviderId provider) {
        return vm.welcome().offers().stream().filter(o -> o.provider() == provider).findFirst().orElseThrow();
    }

    @Test
    void aStudioWithNoTokenAndNoImageOpensOnTheWelcome() throws Exception {
        MainViewModel vm = studio(Map.of(), Locale.ENGLISH);
        assertTrue(vm.welcome().showingProperty().get());
        assertEquals(List.of(ProviderId.HUGGINGFACE, ProviderId.MODELSCOPE, ProviderId.GITEE, ProviderId.A4F),
                vm.welcome().offers().stream().map(WelcomeOffer::provider).toList(),
                "the most generous free tiers first; the OpenAI-compatible slot needs an address, not a paste");
        assertEquals("Free: about 2000 calls a day (usually 500 per model); the account needs Alibaba Cloud real-name"
                + " verification. Resets: midnight Beijing time.", offer(vm, ProviderId.MODELSCOPE).facts().get());
        assertEquals("modelscope.cn/my/myaccesstoken  ·  My account → Access Token",
                offer(vm, ProviderId.MODELSCOPE).link().get());
        assertEquals("no token yet", offer(vm, ProviderId.GITEE).state().get());
    }

    @Test
    void aPastedTokenGoesIntoTheVaultTheEngineRotates() throws Exception {
        MainViewModel vm = studio(Map.of(), Locale.ENGLISH);
        WelcomeOffer gitee = offer(vm, ProviderId.GITEE);
        assertFalse(gitee.canAddProperty().get(), "nothing pasted yet");
        gitee.pastedProperty().set("test-token-1, test-token-2\ntest-token-1");
        vm.welcome().add(gitee);

        assertEquals("Added 2 gitee tokens; 1 duplicate or blank dropped.", vm.welcome().noticeProperty().get());
        assertEquals("2 tokens ✓", gitee.state().get());
        assertEquals("", gitee.pastedProperty().get(), "the secret leaves the form once stored");
        assertEquals(2, TokenVaults.file(home, clock).entries(ProviderId.GITEE).size(), "the command line sees them");
        assertEquals(2, services.status(ProviderId.GITEE, clock.instant()).total(), "the engine's pool has them");
        assertEquals(2, vm.status().status(ProviderId.GITEE).ready(), "the status bar was refreshed");
    }

    @Test
    void dismissingIsRememberedAndHelpOpensItAgain() throws Exception {
        MainViewModel first = studio(Map.of(), Locale.ENGLISH);
        first.welcome().dismiss();
        assertFalse(first.welcome().showingProperty().get());

        MainViewModel again = studio(Map.of(), Locale.ENGLISH);
        assertFalse(again.welcome().showingProperty().get(), "a dismissed welcome stays closed at the next start");
        again.welcome().show();
        assertTrue(again.welcome().showingProperty().get());
    }

    @Test
    void aLibraryWithImagesIsNoFirstRunEvenWithoutTokens() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(FakeImagesServer.Flavor.GITEE)) {
            java.nio.file.Files.writeString(home.resolve("config.yaml"), """
                    routing:
                      provider_order: [gitee]
                    providers:
                      gitee:
                        base_url: %s
                    """.formatted(gitee.baseUrl()));
            studio(Map.of("QUOTA_CANVAS_GITEE_TOKENS", "test-token-1"), Locale.ENGLISH);
            var made = services.generate(ImageRequest.of("a fox").withOptimizePrompt(false), EngineListener.NONE, new CallScope());
            assertEquals(1, made.generatedCount());
        }
        MainViewModel later = studio(Map.of(), Locale.ENGLISH);   // the token was only in the environment
        assertEquals(0, later.welcome().offers().stream().mapToInt(o -> o.tokensProperty().get()).sum());
        assertFalse(later.welcome().showingProperty().get(), "someone with images has used the studio before");
    }

    @Test
    void aStudioThatHasATokenStartsInTheGallery() throws Exception {
        MainViewModel vm = studio(Map.of("QUOTA_CANVAS_GITEE_TOKENS", "test-token-1"), Locale.ENGLISH);
        assertFalse(vm.welcome().showingProperty().get());
        assertEquals("1 token ✓", offer(vm, ProviderId.GITEE).state().get());
    }

    @Test
    void theSamplePromptFillsTheCreatePanelInTheCurrentLanguageAndTheLinkOpensTheTokenPage() throws Exception {
        MainViewModel vm = studio(Map.of(), Locale.SIMPLIFIED_CHINESE);
        vm.welcome().useSample();
        assertEquals("黄昏时悬崖上的灯塔，水彩画", vm.create().promptProperty().get());
        vm.welcome().openTokenPage(offer(vm, ProviderId.HUGGINGFACE));
        assertEquals(List.of("https://huggingface.co/settings/tokens"), desktop.links);
    }
}
