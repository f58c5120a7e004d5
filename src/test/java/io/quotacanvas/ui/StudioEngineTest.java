package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.Library;
import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.MainViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The studio on the real core — config loader, engine, Gitee adapter, ledger and library — against a
/// loopback server speaking Gitee's wire protocol, in a temp `QUOTA_CANVAS_HOME`. The first token's quota
/// is spent, so every image shows a token rotation in its chain.
@ExtendWith(ApplicationExtension.class)
class StudioEngineTest {
    private static final String TOKEN_1 = "gitee-token-one-0001";
    private static final String TOKEN_2 = "gitee-token-two-0002";

    @TempDir
    Path home;

    private FakeImagesServer gitee;
    private CliHarness cli;
    private StudioApp app;
    private Stage stage;
    private Path exported;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        gitee = new FakeImagesServer(Flavor.GITEE);
        cli = new CliHarness(home);
        cli.config("""
                routing:
                  provider_order: [gitee]
                providers:
                  gitee:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 5s, overall: 8s}
                """.formatted(gitee.baseUrl()));
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", TOKEN_1 + "," + TOKEN_2);
        // an image the command line made before the studio opened
        assertEquals(0, cli.run("--prompt", "made by the command line", "--no-optimize-prompt").exitCode());
        gitee.script(TOKEN_1, Reply.QUOTA);
        exported = home.resolve("exports/fox.png");
        Files.createDirectories(exported.getParent());
        StudioSetup setup = new StudioSetup(Map.of("QUOTA_CANVAS_HOME", home.toString(),
                "QUOTA_CANVAS_GITEE_TOKENS", TOKEN_1 + "," + TOKEN_2), cli.clock, StudioSetup.CORE,
                (owner, name) -> Optional.of(exported), new StudioFixture.RecordingDesktop(),
                (owner, message, label) -> true, TokenManagerHook.NONE, false);
        app = new StudioApp(setup);
        app.init();
        app.start(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::requestClose);
        gitee.close();
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void generateRotatesTokensStoresTheImageAndTheDetailViewSavesDeletesAndUndoes(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 1);
        assertEquals("made by the command line", ((Tile.Stored) vm().gallery().tiles().getFirst().now())
                .image().metadata().promptOriginal());

        long token1Before = gitee.requestsWithToken(TOKEN_1);
        assertTrue(vm().create().optimizePromptProperty().get(), "starts from the config's prompt.optimize (on)");
        robot.clickOn("#prompt").write("a red fox in snow");
        robot.clickOn("#generate");
        await(() -> vm().gallery().tiles().getFirst().now() instanceof Tile.Stored s
                && s.image().metadata().promptOriginal().equals("a red fox in snow"));
        Screenshots.save(stage.getScene(), "real-engine-main-window");
        ListView<ChainRow> chain = robot.lookup("#chain").queryListView();
        List<String> tokens = chain.getItems().stream().map(ChainRow::tokenLabel).toList();
        assertEquals(List.of("quota_exhausted", "success"), chain.getItems().stream().map(ChainRow::outcomeName).toList());
        assertTrue(tokens.get(0).startsWith("gitee#1") && tokens.get(1).startsWith("gitee#2"), tokens.toString());
        assertEquals(token1Before + 1, gitee.requestsWithToken(TOKEN_1), "one try on the spent token, then rotation");

        Tile.Stored fox = (Tile.Stored) vm().gallery().tiles().getFirst().now();
        assertTrue(Library.readMetadata(fox.image().path()).orElseThrow().runId().startsWith("batch-"),
                "the PNG itself names the studio run that made it");
        robot.doubleClickOn(TileLookup.tile(robot, fox.image().id()));
        await(() -> robot.lookup("#detail").query().isVisible());
        assertEquals("gitee", robot.lookup("#detail-provider").queryAs(Labeled.class).getText());
        robot.clickOn("#detail-save");
        await(() -> Files.exists(exported));
        ImageMetadata saved = Library.readMetadata(exported).orElseThrow();
        assertEquals("a red fox in snow", saved.promptOriginal());
        assertEquals(fox.image().metadata().seed(), saved.seed());
        // the prompt step (this Gitee twin serves no chat, so it fails open) comes before the two image attempts
        assertEquals(2, saved.attempts().stream().filter(a -> a.step() == AttemptStep.GENERATE).count(),
                saved.attempts().toString());

        robot.clickOn("#detail-delete");
        await(() -> vm().gallery().tiles().size() == 1);
        robot.clickOn("#detail-back");
        robot.clickOn("#undo-delete");
        await(() -> vm().gallery().tiles().size() == 2);
        assertTrue(Files.exists(fox.image().path()));

        robot.interact(() -> {
            vm().gallery().deleteWithUndo(fox.image());
            vm().gallery().commitPendingDelete();
        });
        await(() -> !Files.exists(fox.image().path()));
        robot.interact(() -> vm().gallery().reload());
        await(() -> vm().gallery().tiles().size() == 1 && vm().gallery().totalProperty().get() == 1);
    }

    @Test
    void aComparisonSendsOneRequestPerModelOnTheSharedEngineAndTheLibraryKnowsItsRun(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 1);
        gitee.latency(Duration.ofMillis(300));
        long before = gitee.generationRequests().size();
        robot.clickOn("#mode-compare");
        await(() -> vm().compare().choices().size() >= 3);
        robot.interact(() -> {
            vm().compare().chooseNone();
            // gitee's only: the other providers would be the internet
            vm().compare().choices().stream().filter(c -> c.provider() == io.quotacanvas.core.ProviderId.GITEE
                    && List.of("z-image-turbo", "qwen-image", "flux-2").contains(c.model()))
                    .forEach(c -> c.chosenProperty().set(true));
            vm().create().optimizePromptProperty().set(false);
        });
        robot.clickOn("#prompt").write("a heron in reeds");
        robot.clickOn("#generate");
        await(() -> vm().compare().runProperty().get() != null && !vm().compare().runProperty().get().active()
                && vm().compare().cells().stream().allMatch(c -> c.tile().now() instanceof Tile.Stored));

        // the spent first token answers once (quota), then each model makes its image on the second: no image
        // is asked for twice
        assertEquals(before + 4, gitee.generationRequests().size());
        assertEquals(3, gitee.requestsWithToken(TOKEN_2), "one image each for three models");
        List<String> sent = gitee.generationRequests().stream().skip(before).map(r -> r.getBody().utf8()).toList();
        for (String providerModel : List.of("z-image-turbo", "Qwen-Image", "FLUX.2-dev")) {
            assertTrue(sent.stream().anyMatch(b -> b.contains("\"" + providerModel + "\"")), providerModel + " in " + sent);
        }
        assertTrue(gitee.maxInFlight() >= 2, "the pairs ran side by side on the engine's slots");
        String runId = vm().compare().runProperty().get().runId();
        try (Library library = new Library(home.resolve("library"))) {
            var images = library.list(io.quotacanvas.library.LibraryQuery.run(runId));
            assertEquals(3, images.size());
            assertEquals(java.util.Set.of("z-image-turbo", "qwen-image", "flux-2"),
                    images.stream().map(i -> i.metadata().model()).collect(java.util.stream.Collectors.toSet()));
            assertTrue(images.stream().allMatch(i -> i.metadata().seed() == images.getFirst().metadata().seed()));
        }
    }

    @Test
    void cancelStopsAHangingProviderWithinASecond(FxRobot robot) throws Exception {
        gitee.defaultReply(Reply.HANG);
        robot.clickOn("#prompt").write("a hanging fox");
        robot.clickOn("#generate");
        await(() -> !vm().gallery().running().tiles().isEmpty()
                && vm().gallery().running().tiles().getFirst().now() instanceof Tile.Running r && r.step().contains("gitee#2"));
        long t0 = System.nanoTime();
        robot.clickOn("#cancel");
        await(() -> !vm().generation().runningProperty().get());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertFalse(vm().gallery().running().tiles().getFirst().now() instanceof Tile.Stored);
        System.out.println("cancel took " + took.toMillis() + " ms");
    }
}
