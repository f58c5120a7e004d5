package io.quotacanvas.ui;

import static io.quotacanvas.ui.StudioLaunch.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The create panel and the status bar as a new user first sees them, at the default window size: no
/// label cut short in English or Chinese, the public Spaces named where the tokens are, and the hints of
/// the chosen provider's own model settings.
@ExtendWith(ApplicationExtension.class)
class CreatePanelWindowTest {
    @TempDir
    static Path home;

    private FakeStudio studio;
    private StudioApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(home, "case");
        studio = new FakeStudio(dir.resolve("library"));
        studio.noTokens = true;
        studio.publicSpaces = true;
        studio.seed(3);
        app = StudioLaunch.start(stage, studio, dir, null);
    }

    @Test
    void nothingInTheAdvancedSectionIsCutInEnglishOrChinese(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TitledPane advanced = robot.lookup("#advanced").queryAs(TitledPane.class);
            advanced.setAnimated(false);
            advanced.setExpanded(true);
        });
        await(() -> robot.lookup("#lock-seed").query().isVisible());
        Node panel = robot.lookup(".create-panel").query();
        assertEquals(List.of(), StudioLaunch.cutLabels(panel));
        assertEquals("Lock", robot.lookup("#lock-seed").queryAs(Labeled.class).getText());
        Screenshots.save(stage.getScene(), "create-advanced-en");

        robot.interact(() -> app.viewModel().settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE));
        robot.interact(() -> app.viewModel().settings().apply());
        await(() -> "锁定".equals(robot.lookup("#lock-seed").queryAs(Labeled.class).getText()));
        // the labels' skins show a new text after the next layout pass
        await(() -> StudioLaunch.cutLabels(panel).isEmpty());
        assertEquals(List.of(), StudioLaunch.cutLabels(panel));
        Screenshots.save(stage.getScene(), "create-advanced-zh");

        robot.interact(() -> app.viewModel().compare().activeProperty().set(true));
        await(() -> !app.viewModel().compare().choices().isEmpty());
        await(() -> StudioLaunch.cutLabels(panel).isEmpty());
        assertEquals(List.of(), StudioLaunch.cutLabels(panel));
        robot.interact(() -> app.viewModel().settings().languageProperty().set(Locale.ENGLISH));
        robot.interact(() -> app.viewModel().settings().apply());
        await(() -> "Lock".equals(robot.lookup("#lock-seed").queryAs(Labeled.class).getText()));
        await(() -> StudioLaunch.cutLabels(panel).isEmpty());
        assertEquals(List.of(), StudioLaunch.cutLabels(panel));
    }

    @Test
    void theCheckForCutLabelsSeesOneThatIsCut(FxRobot robot) throws Exception {
        javafx.scene.control.Label narrow = new javafx.scene.control.Label("Guidance");
        narrow.setMaxWidth(30);
        robot.interact(() -> ((javafx.scene.layout.VBox) robot.lookup(".create-panel").query()).getChildren().add(narrow));
        await(() -> narrow.getWidth() > 0);
        assertEquals(1, StudioLaunch.cutLabels(robot.lookup(".create-panel").query()).size());
        assertTrue(StudioLaunch.cutLabels(robot.lookup(".create-panel").query()).getFirst().startsWith("Guidance -> G"));
    }

    @Test
    void aNewUserSeesThePublicSpacesInTheStatusBarAndThePicker(FxRobot robot) throws Exception {
        await(() -> robot.lookup("#status-huggingface").tryQuery().isPresent());
        assertEquals("huggingface · public Spaces ready",
                robot.lookup("#status-huggingface").queryAs(Labeled.class).getText());
        ComboBox<?> provider = robot.lookup("#provider").queryComboBox();
        assertEquals("Auto  ·  public Spaces (no token)", provider.getButtonCell().getText());
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#status-bar").query()));
        Screenshots.save(stage.getScene(), "statusbar-new-user");
    }

    @Test
    void withTokensAndThePublicSpacesThePickerStillFits(FxRobot robot) throws Exception {
        studio.noTokens = false;
        robot.interact(() -> app.viewModel().status().refresh());
        ComboBox<?> provider = robot.lookup("#provider").queryComboBox();
        await(() -> provider.getButtonCell().getText().startsWith("Auto  ·  3/3"));
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup(".create-panel").query()));
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#status-bar").query()));
    }

    @Test
    void theHintsFollowTheChosenProvidersModelSettings(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#advanced").queryAs(TitledPane.class).setExpanded(true));
        var steps = robot.lookup("#steps").queryTextInputControl();
        assertEquals("9", steps.getPromptText());
        robot.interact(() -> app.viewModel().create().providerProperty().set(io.quotacanvas.core.ProviderId.GITEE));
        assertEquals("12", steps.getPromptText());
        assertEquals("4.5", robot.lookup("#guidance").queryTextInputControl().getPromptText());
        assertTrue(robot.lookup("#guidance").query().isVisible());
    }
}
