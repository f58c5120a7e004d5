package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.token.vault.TokenVaults;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.MainViewModel;
import io.quotacanvas.ui.viewmodel.WelcomeViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The first run on the real core in a temp `QUOTA_CANVAS_HOME`: a person with no config and no token
/// sees the welcome panel, tries the sample prompt, pastes a free token (it lands in the vault), dismisses
/// the panel and finds it again under Help; with a token the panel stays closed, and About says where
/// everything is. The chain explains a skipped provider in plain words.
@ExtendWith(ApplicationExtension.class)
class WelcomeWindowTest {
    @TempDir
    Path home;

    private final FakeImagesServer gitee = new FakeImagesServer(FakeImagesServer.Flavor.GITEE);
    private StudioApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /// Opens the studio over `home` with `extraEnv` (tokens) and, when given, a config file.
    private void open(FxRobot robot, Map<String, String> extraEnv, String config) throws Exception {
        if (config != null) {
            Files.writeString(home.resolve("config.yaml"), config);
        }
        Map<String, String> env = new HashMap<>(Map.of("QUOTA_CANVAS_HOME", home.toString(), "QUOTA_CANVAS_VAULT", "file"));
        env.putAll(extraEnv);
        StudioSetup setup = new StudioSetup(Map.copyOf(env), Clock.systemUTC(), StudioSetup.CORE,
                (owner, name) -> Optional.empty(), new StudioFixture.RecordingDesktop(), (owner, message, label) -> true,
                null, false);
        robot.interact(() -> {
            app = new StudioApp(setup);
            app.init();
            app.start(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (app != null) {
            robot.interact(app::requestClose);
        }
        gitee.close();
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Labeled.class).map(Labeled::getText).orElse(null);
    }

    private static boolean visible(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void withNoTokensTheWelcomeSaysWhatWorksTakesATokenAndComesBackFromHelp(FxRobot robot) throws Exception {
        open(robot, Map.of(), null);
        await(() -> visible(robot, "#welcome"));
        assertTrue(text(robot, "#welcome-state-gitee").equals("no token yet"));
        Screenshots.save(stage.getScene(), "welcome-first-run");

        robot.clickOn("#welcome-use-sample");
        assertEquals("A lighthouse on a cliff at dusk, watercolour", robot.lookup("#prompt").queryAs(TextArea.class).getText());

        robot.clickOn("#welcome-paste-gitee").write("test-token-1");
        robot.clickOn("#welcome-add-gitee");
        await(() -> "1 token ✓".equals(text(robot, "#welcome-state-gitee")));
        assertEquals("Added 1 gitee token.", text(robot, "#welcome-notice"));
        assertEquals(1, TokenVaults.file(home, Clock.systemUTC()).entries(ProviderId.GITEE).size());
        await(() -> text(robot, "#status-gitee") != null && text(robot, "#status-gitee").startsWith("gitee 1/1"));
        Screenshots.save(stage.getScene(), "welcome-token-added");

        robot.clickOn("#welcome-dismiss");
        await(() -> !visible(robot, "#welcome"));
        assertTrue(SettingsStore.load(home.resolve("state/studio.properties")).getBoolean(WelcomeViewModel.DISMISSED,
                false), "dismissing is remembered");
        robot.clickOn("#open-help").clickOn("#help-welcome");
        await(() -> visible(robot, "#welcome"));

        robot.interact(() -> vm().settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE));
        robot.interact(() -> vm().settings().apply());
        await(() -> "1 个令牌 ✓".equals(text(robot, "#welcome-state-gitee")));
        Screenshots.save(stage.getScene(), "welcome-zh");
    }

    @Test
    void withATokenTheWelcomeStaysClosedAndAboutSaysWhereEverythingIs(FxRobot robot) throws Exception {
        open(robot, Map.of("QUOTA_CANVAS_GITEE_TOKENS", "test-token-1"), null);
        await(() -> text(robot, "#status-gitee") != null);
        assertFalse(visible(robot, "#welcome"), "a studio with tokens starts straight in the gallery");
        Screenshots.save(stage.getScene(), "studio-with-tokens");

        robot.clickOn("#open-help").clickOn("#help-about");
        await(() -> robot.lookup("#about-vault").tryQueryAs(Labeled.class).map(l -> !l.getText().isEmpty())
                .orElse(false));
        assertEquals("Development build", text(robot, "#about-version"));
        assertTrue(text(robot, "#about-vault").contains(home.resolve("tokens.json").toString()),
                text(robot, "#about-vault"));
        assertEquals(home.resolve("library").toString(), robot.lookup("#about-library")
                .queryAs(javafx.scene.control.TextField.class).getText());
        Stage about = Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getScene() != null
                && s.getScene().lookup("#about") != null).map(Stage.class::cast).findFirst().orElseThrow();
        assertFalse(about.getIcons().isEmpty(), "the dialog wears the app icon");
        Screenshots.save(about.getScene(), "about-dialog");
        robot.clickOn("#about-close");
        assertEquals(8, stage.getIcons().size(), "the window carries the icon at every size");
    }

    @Test
    void theChainSaysInPlainWordsWhyAProviderWasSkipped(FxRobot robot) throws Exception {
        open(robot, Map.of("QUOTA_CANVAS_GITEE_TOKENS", "test-token-1"), """
                routing:
                  provider_order: [modelscope, gitee]
                providers:
                  gitee:
                    base_url: %s
                """.formatted(gitee.baseUrl()));
        robot.clickOn("#prompt").write("a red fox in snow");
        robot.clickOn("#generate");
        ListView<ChainRow> chain = robot.lookup("#chain").queryListView();
        await(() -> chain.getItems().stream().anyMatch(r -> r.kind() == ChainRow.Kind.SUCCESS));
        assertEquals(ChainRow.Kind.SKIPPED, chain.getItems().getFirst().kind(), "the skipped provider shows live");
        String shown = robot.lookup(".chain-list .list-cell").queryAll().stream()
                .flatMap(cell -> robot.from(cell).lookup(".label").queryAllAs(Labeled.class).stream())
                .map(Labeled::getText).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(shown.contains("No modelscope token, so modelscope was skipped. Add a free one under Tokens: "
                + "https://modelscope.cn/my/myaccesstoken"), shown);
        Screenshots.save(stage.getScene(), "chain-skip-explained");
    }
}
