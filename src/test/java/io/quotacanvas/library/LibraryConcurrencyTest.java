package io.quotacanvas.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two library instances stand in for two processes (the studio and a CLI batch) sharing one folder.
class LibraryConcurrencyTest {
    @TempDir
    Path root;

    @Test
    void twoInstancesSavingFromManyThreadsIndexEveryImageWithUniqueIds() throws Exception {
        int perInstance = 40;
        List<String> ids = new ArrayList<>();
        try (Library studio = new Library(root); Library cli = new Library(root);
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<StoredImage>> futures = new ArrayList<>();
            for (int i = 0; i < perInstance * 2; i++) {
                Library target = i % 2 == 0 ? studio : cli;
                ImageMetadata meta = TestImages.metadata("batch " + i, "same second prompt " + i, TestImages.T0);
                futures.add(pool.submit(() -> target.save(TestImages.png(8, 8), meta)));
            }
            for (Future<StoredImage> f : futures) {
                ids.add(f.get().id());
            }

            assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
            assertEquals(new HashSet<>(ids), Set.copyOf(studio.list(LibraryQuery.all(0)).stream()
                    .map(StoredImage::id).toList()));
            assertEquals(perInstance * 2, cli.count(LibraryQuery.text("same second", 0)));
        }
        try (Stream<Path> files = Files.walk(root.resolve("2026"))) {
            assertEquals(perInstance * 2, files.filter(p -> p.toString().endsWith(".png")).count());
        }
    }
}
