package io.quotacanvas.library;

import static io.quotacanvas.library.TestImages.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What the studio's gallery and comparisons need from the library: a run id on images, the extra filters,
/// id-only listings, bulk favourite and delete, and the index migration that brings the run column.
class LibraryRunsAndBulkTest {
    @TempDir
    Path root;
    private Library library;

    @BeforeEach
    void open() throws LibraryException {
        library = new Library(root);
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void imagesOfARunAreFoundByItInThePngAndTheIndexAndAfterARebuild() throws Exception {
        StoredImage a = library.save(TestImages.png(8, 8), TestImages.metadata("a fox", "a fox", T0).withRunId("run-1"));
        StoredImage b = library.save(TestImages.png(8, 8), TestImages.metadata("a fox", "a fox", T0.plusSeconds(1))
                .withRunId("run-1"));
        save("an owl", T0.plusSeconds(2));

        assertEquals("run-1", a.metadata().runId());
        assertEquals("run-1", Library.readMetadata(a.path()).orElseThrow().runId(), "the PNG carries it");
        assertEquals(List.of(a.id(), b.id()), ids(LibraryQuery.run("run-1")), "in the order they were made");

        library.close();
        Files.delete(root.resolve(".quota-canvas/index.db"));
        library = new Library(root);
        assertEquals(List.of(a.id(), b.id()), ids(LibraryQuery.run("run-1")), "rebuilt from the files");
    }

    @Test
    void anIndexWrittenByTheFirstVersionGainsTheRunColumnAndKeepsItsRows() throws Exception {
        StoredImage kept = save("old image", T0);
        library.setFavourite(kept.id(), true);
        library.close();
        Path db = root.resolve(".quota-canvas/index.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            // back to the version-1 layout, with a row whose file is gone: a rebuild would drop it
            st.execute("DROP INDEX images_run");
            st.execute("DROP INDEX images_seed");
            st.execute("ALTER TABLE images DROP COLUMN run_id");
            st.execute("INSERT INTO images (id, path, created_ms, metadata) SELECT 'ghost', 'gone/ghost.png',"
                    + " created_ms, metadata FROM images");
            st.execute("PRAGMA user_version = 1");
        }

        library = new Library(root);

        assertEquals(Set.of(kept.id(), "ghost"), Set.copyOf(ids(LibraryQuery.all(0))), "migrated, not rebuilt");
        assertTrue(library.find(kept.id()).orElseThrow().favourite());
        StoredImage added = library.save(TestImages.png(8, 8), TestImages.metadata("new image", "new image",
                T0.plusSeconds(5)).withRunId("run-9"));
        assertEquals(List.of(added.id()), ids(LibraryQuery.run("run-9")), "the new column is used");
    }

    @Test
    void dateRangeAspectSeedOrderAndExclusionsFilter() throws Exception {
        StoredImage day1 = save("one", T0);
        StoredImage day2 = library.save(TestImages.png(8, 8), withShape(TestImages.metadata("two", "two",
                T0.plusSeconds(86_400)), "16:9", 1024, 576, 7));
        StoredImage day3 = library.save(TestImages.png(8, 8), withShape(TestImages.metadata("three", "three",
                T0.plusSeconds(2 * 86_400)), null, 1280, 720, 7));

        LibraryQuery all = LibraryQuery.all(0);
        assertEquals(List.of(day2.id()), ids(all.withDates(T0.plusSeconds(3600), T0.plusSeconds(86_401))));
        assertEquals(List.of(day3.id(), day2.id()), ids(all.withAspectRatio("16:9")),
                "by label, or by pixel size for an image without one");
        assertEquals(List.of(day1.id()), ids(all.withAspectRatio("1:1")));
        assertEquals(List.of(day3.id(), day2.id()), ids(all.withSeed(7L)));
        assertEquals(List.of(day1.id(), day2.id(), day3.id()), ids(all.withOldestFirst(true)));
        assertEquals(List.of(day3.id(), day1.id()), ids(all.excluding(List.of(day2.id()))));
        assertEquals(2, library.count(all.excluding(List.of(day2.id()))));
        assertEquals(List.of(day2.id()), library.ids(all.withPage(1, 1)));
    }

    @Test
    void favouritesAndDeletesGoInBulkAndOnlyTouchTheGivenImages() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            made.add(save("image " + i, T0.plusSeconds(i)).id());
        }
        List<String> some = made.subList(0, 20);

        assertEquals(20, library.setFavourites(some, true));
        assertEquals(0, library.setFavourites(some, true), "already favourites");
        assertEquals(20, library.count(new LibraryQuery(null, true, null, null, 0, 0)));
        assertEquals(20, Files.readAllLines(root.resolve(".quota-canvas/favourites.txt")).size());

        List<Path> files = new ArrayList<>();
        for (String id : some) {
            files.add(library.find(id).orElseThrow().path());
        }
        List<String> withUnknown = new ArrayList<>(some);
        withUnknown.add("no-such-id");
        assertEquals(20, library.delete(withUnknown));
        assertTrue(files.stream().noneMatch(Files::exists));
        assertEquals(10, library.count(LibraryQuery.all(0)));
        assertFalse(library.find(some.getFirst()).isPresent());
        assertTrue(Files.readString(root.resolve(".quota-canvas/favourites.txt")).isBlank());
        assertEquals(0, library.delete(List.of()));
    }

    private static ImageMetadata withShape(ImageMetadata m, String aspect, int w, int h, long seed) {
        return new ImageMetadata(m.promptOriginal(), m.promptFinal(), ProviderId.GITEE, m.model(), m.providerModel(),
                seed, m.steps(), m.guidanceScale(), aspect, w, h, m.createdAt(), m.remoteUrl(), m.attempts());
    }

    private StoredImage save(String prompt, Instant at) throws LibraryException {
        return library.save(TestImages.png(8, 8), TestImages.metadata(prompt, prompt, at));
    }

    private List<String> ids(LibraryQuery q) throws LibraryException {
        return library.list(q).stream().map(StoredImage::id).toList();
    }
}
