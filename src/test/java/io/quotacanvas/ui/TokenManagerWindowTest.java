package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.vault.TokenVaults;
import io.quotacanvas.token.vault.VaultEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The token manager window on the real core (config, file vault, ledger, probes) in a temp
/// `QUOTA_CANVAS_HOME`: opened from the status bar, two tokens pasted in, reordered, one tested against a
/// loopback `GET /models`, one revealed and hidden, one removed after confirming — and a canary token that
/// never shows in the window's text, the logs, or any file but the vault.
@ExtendWith(ApplicationExtension.class)
class TokenManagerWindowTest {
    static final String GOOD = "gitee-window-good-token-4d2e";
    static final String CANARY = "canary-window-token-8f6a1b2c";
    static final String CONFIG_TOKEN = "gitee-config-token-5a0c";

    @TempDir
    Path home;

    private final MockWebServer gitee = new MockWebServer();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logs.add(new SimpleFormatter().format(r));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private StudioApp app;

    @Start
    void start(Stage stage) throws Exception {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        gitee.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                boolean ok = r.getTarget().endsWith("/models") && ("Bearer " + GOOD).equals(r.getHeaders()
                        .get("Authorization"));
                return new MockResponse.Builder().code(ok ? 200 : 401).addHeader("Content-Type", "application/json")
                        .body(ok ? "{\"data\":[]}" : "{\"error\":{\"message\":\"Incorrect API key provided.\"}}")
                        .build();
            }
        });
        gitee.start();
        Files.writeString(home.resolve("config.yaml"), """
                routing:
                  provider_order: [gitee]
                providers:
                  gitee:
                    base_url: %s
                    tokens: [%s]
                    timeouts: {connect: 2s, read: 2s, overall: 3s}
                """.formatted(gitee.url("/v1"), CONFIG_TOKEN));
        StudioSetup setup = new StudioSetup(Map.of("QUOTA_CANVAS_HOME", home.toString(), "QUOTA_CANVAS_VAULT", "file"),
                Clock.systemUTC(), StudioSetup.CORE, (owner, name) -> Optional.empty(),
                new StudioFixture.RecordingDesktop(), (owner, message, label) -> questions.add(message), null, false);
        app = new StudioApp(setup);
        app.init();
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::requestClose);
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(rootLevel);
        gitee.close();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Labeled.class).map(Labeled::getText).orElse(null);
    }

    @Test
    void addReorderTestRevealAndRemoveTokensWithoutShowingTheirValues(FxRobot robot) throws Exception {
        robot.clickOn("#status-gitee");
        await(() -> robot.lookup("#token-title-gitee-0").tryQuery().isPresent());
        assertEquals("gitee#1", text(robot, "#token-title-gitee-0"));
        assertEquals("…5a0c", text(robot, "#token-value-gitee-0"));
        assertTrue(robot.lookup("#token-remove-gitee-0").query().isDisabled(), "config tokens are read-only");
        assertEquals("This token comes from the config file: change or remove it there.",
                Tooltip.class.cast(robot.lookup("#token-readonly-gitee-0").query().getProperties().values().stream()
                        .filter(Tooltip.class::isInstance).findFirst().orElseThrow()).getText());

        robot.interact(() -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT,
                GOOD + "\n" + CANARY + "\n" + GOOD)));
        robot.clickOn("#token-paste").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        robot.clickOn("#token-add-label").write("desk");
        robot.clickOn("#token-add");
        await(() -> "desk 2".equals(text(robot, "#token-title-gitee-2")));
        assertEquals("Added 2 gitee tokens; 1 duplicate or blank dropped.", text(robot, "#token-notice"));
        assertEquals("…4d2e", text(robot, "#token-value-gitee-1"));
        await(() -> text(robot, "#status-gitee").startsWith("gitee 3/3"));

        robot.clickOn("#token-down-gitee-1");
        await(() -> "desk 2".equals(text(robot, "#token-title-gitee-1")));
        assertEquals(List.of("desk 2", "desk 1"), vaultLabels());

        robot.clickOn("#token-test-gitee-2");
        await(() -> text(robot, "#token-verdict-gitee-2") != null
                && text(robot, "#token-verdict-gitee-2").startsWith("Test passed"));

        robot.clickOn("#token-reveal-gitee-2");
        await(() -> GOOD.equals(text(robot, "#token-value-gitee-2")));
        robot.clickOn("#token-reveal-gitee-2");
        await(() -> "…4d2e".equals(text(robot, "#token-value-gitee-2")));

        Stage manager = tokenWindow();
        Screenshots.save(manager.getScene(), "token-manager");
        robot.clickOn("#tab-quota");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(manager.getScene(), "token-manager-quota");
        robot.clickOn("#tab-tokens");
        assertFalse(sceneText().contains(CANARY), "the canary shows nowhere in the windows");

        robot.clickOn("#token-remove-gitee-1");
        await(() -> vaultLabels().equals(List.of("desk 1")));
        assertEquals(1, questions.size());
        assertTrue(questions.getFirst().startsWith("Remove gitee#2 …1b2c from the vault?"), questions.getFirst());
        await(() -> "desk 1".equals(text(robot, "#token-title-gitee-1")));

        assertFalse(String.join("\n", logs).contains(CANARY), "the canary is never logged");
        assertCanaryOnlyInTheVault();
    }

    private List<String> vaultLabels() {
        return TokenVaults.file(home, Clock.systemUTC()).entries(ProviderId.GITEE).stream().map(VaultEntry::label)
                .toList();
    }

    private static Stage tokenWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getScene() != null
                && s.getScene().lookup("#token-tabs") != null).map(Stage.class::cast).findFirst().orElseThrow();
    }

    /// Every text a person could read in the open windows: labels, buttons, fields, tooltips.
    private static String sceneText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            StringBuilder all = new StringBuilder();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w.getScene() != null) {
                    collect(w.getScene().getRoot(), all);
                }
            }
            return all.toString();
        }).get(10, TimeUnit.SECONDS);
    }

    private static void collect(Node node, StringBuilder all) {
        if (node instanceof Labeled l) {
            all.append(l.getText()).append('\n');
        }
        if (node instanceof TextInputControl t) {
            all.append(t.getText()).append('\n').append(t.getPromptText()).append('\n');
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            all.append(c.getTooltip().getText()).append('\n');
        }
        node.getProperties().values().stream().filter(Tooltip.class::isInstance)
                .forEach(t -> all.append(((Tooltip) t).getText()).append('\n'));
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, all));
        }
    }

    private void assertCanaryOnlyInTheVault() throws IOException {
        byte[] canary = CANARY.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("tokens.json")) {
                    assertFalse(contains(Files.readAllBytes(f), canary), "canary in " + f);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
