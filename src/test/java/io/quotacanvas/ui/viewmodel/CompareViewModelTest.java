package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Comparing models: the pairs and their readiness, one request per pair with one seed, the cells with
/// their chains, times and failures, Keep, Rerun and Save all.
class CompareViewModelTest {
    @TempDir
    Path dir;

    private CompareViewModel open(StudioFixture f) {
        CompareViewModel compare = f.vm.compare();
        compare.activeProperty().set(true);   // reads the pairs
        f.vm.create().promptProperty().set("a lighthouse at dusk");
        return compare;
    }

    private static List<String> pairs(List<PairChoice> choices) {
        return choices.stream().filter(c -> c.chosenProperty().get())
                .map(c -> c.provider().wireName() + "/" + c.model()).toList();
    }

    @Test
    void everyReadyPairStartsChosenAndEachRunsOnceWithTheSameSeed() {
        StudioFixture f = new StudioFixture(dir);
        CompareViewModel compare = open(f);
        assertEquals(List.of("gitee/z-image-turbo", "gitee/qwen-image", "a4f/flux-1-schnell"), pairs(compare.choices()));
        assertEquals(4, compare.choices().size(), "a4f/z-image-turbo has no ready token but can be picked");
        assertTrue(compare.canCompare().get());

        compare.compare();

        assertEquals(3, f.studio.requests.size());
        List<String> sent = f.studio.requests.stream().map(r -> r.provider().wireName() + "/" + r.model()).toList();
        assertEquals(pairs(compare.choices()), sent);
        assertEquals(1, f.studio.requests.stream().map(ImageRequest::seed).distinct().count(), "one seed for all");
        assertTrue(f.studio.requests.stream().allMatch(r -> r.count() == 1 && r.seed() != null));
        assertTrue(f.studio.requests.stream().allMatch(ImageRequest::exactModel),
                "each cell asks for exactly its model, no fallback to another");
        assertEquals(3, compare.cells().size());
        RunSlot a4f = compare.cells().get(2);
        assertEquals(ProviderId.A4F, a4f.provider());
        assertEquals("flux-1-schnell", ((Tile.Stored) a4f.tile().now()).image().metadata().model());
        assertEquals(List.of("a4f#1 …0001", "a4f#2 …0002"), a4f.chain().stream().map(ChainRow::tokenLabel).toList());
        assertEquals("0.1 s", compare.elapsed(a4f).get());
        Run run = compare.runProperty().get();
        assertEquals(Run.Kind.COMPARE, run.kind());
        assertEquals(3, f.studio.store().count(LibraryQuery.run(run.runId())), "all in the library, one run id");
    }

    @Test
    void aLockedSeedIsTheSeedOfEveryPairAndNothingCanStartWithoutAPromptOrAPair() {
        StudioFixture f = new StudioFixture(dir);
        CompareViewModel compare = open(f);
        f.vm.create().seedProperty().set("4242");
        f.vm.create().seedLockedProperty().set(true);
        compare.chooseNone();
        assertFalse(compare.canCompare().get());
        compare.compare();
        assertTrue(f.studio.requests.isEmpty());

        compare.choices().getFirst().chosenProperty().set(true);
        compare.choices().get(3).chosenProperty().set(true);
        f.vm.create().promptProperty().set(" ");
        assertFalse(compare.canCompare().get());
        f.vm.create().promptProperty().set("an owl");
        compare.compare();
        assertEquals(List.of(4242L, 4242L), f.studio.requests.stream().map(ImageRequest::seed).toList());
    }

    @Test
    void aFailedPairShowsItsFailureInPlaceAndRerunsAloneKeepAndSaveAll() throws Exception {
        StudioFixture f = new StudioFixture(dir);
        CompareViewModel compare = open(f);
        f.studio.failModels.add("qwen-image");
        compare.compare();
        RunSlot qwen = compare.cells().get(1);
        Tile.Failed failed = assertInstanceOf(Tile.Failed.class, qwen.tile().now());
        assertEquals("provider_error", failed.errorType());
        assertEquals(AttemptOutcome.PROVIDER_ERROR, qwen.chain().getLast().outcome());
        assertEquals(1, compare.runProperty().get().failedProperty().get());

        f.studio.failModels.clear();
        compare.rerun(qwen);
        assertEquals(4, f.studio.requests.size(), "only that pair again");
        assertEquals("qwen-image", f.studio.requests.getLast().model());
        assertEquals(f.studio.requests.getFirst().seed(), f.studio.requests.getLast().seed());
        assertInstanceOf(Tile.Stored.class, qwen.tile().now());
        assertEquals(0, compare.runProperty().get().failedProperty().get());

        compare.keep(qwen);
        String id = ((Tile.Stored) qwen.tile().now()).image().id();
        assertTrue(f.studio.store().find(id).orElseThrow().favourite());
        assertTrue(((Tile.Stored) qwen.tile().now()).image().favourite());

        Path folder = dir.resolve("saved");
        compare.saveAll(folder);
        assertTrue(Files.exists(folder.resolve(id + ".png")));
        assertTrue(Files.readString(folder.resolve(id + ".txt")).contains("Seed: "), "the settings beside it");
        assertEquals(6, Files.list(folder).count());
        assertTrue(f.vm.noticeProperty().get().startsWith("Exported 3 images"), f.vm.noticeProperty().get());
    }

    @Test
    void aNewUserComparesOnThePublicSpacesWithNoToken() {
        StudioFixture fresh = new StudioFixture(dir.resolve("fresh"));
        fresh.studio.noTokens = true;
        fresh.studio.publicSpaces = true;
        CompareViewModel compare = new CompareViewModel(fresh.studio, io.quotacanvas.ui.TaskService.sameThread(),
                fresh.i18n, new RunQueue(fresh.studio, io.quotacanvas.ui.TaskService.sameThread(), e -> { }),
                fresh.vm.create(), fresh.vm.gallery(), m -> { }, e -> { });
        compare.refreshChoices();
        assertEquals(List.of("huggingface/z-image-turbo"), pairs(compare.choices()));
        assertEquals("public Spaces, no token", fresh.i18n.get("compare.readyAnonymous"));
        compare.chooseReady();
        assertEquals(1, compare.chosenCount().get());
    }
}
