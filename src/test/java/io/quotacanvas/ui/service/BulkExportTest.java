package io.quotacanvas.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.LibraryFixtures;
import io.quotacanvas.library.LibraryQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Exporting many images from a real library: chunked reads, PNG plus settings text each, a zip that is
/// whole or absent.
class BulkExportTest {
    @TempDir
    Path dir;

    @Test
    void manyImagesGoToAZipWithTheirSettingsInTheOrderAskedAndAFolderToo() throws Exception {
        Path root = dir.resolve("library");
        LibraryFixtures.fill(root, BulkExport.CHUNK * 2 + 50, Instant.parse("2026-11-24T08:00:00Z"));
        try (Library library = new Library(root)) {
            ImageStore store = new LibraryImageStore(library);
            List<String> ids = new ArrayList<>(library.ids(LibraryQuery.all(0)));
            java.util.Collections.reverse(ids);
            ids.add("gone-meanwhile");
            List<Integer> progress = new ArrayList<>();

            int n = new BulkExport(store).exportIds(ids, dir.resolve("out/all.zip"), progress::add);

            assertEquals(450, n);
            assertEquals(450, progress.getLast());
            try (ZipFile zip = new ZipFile(dir.resolve("out/all.zip").toFile())) {
                assertEquals(900, zip.size());
                assertEquals(ids.getFirst() + ".png", zip.entries().nextElement().getName(), "in the order asked");
                String settings = new String(zip.getInputStream(zip.getEntry(ids.getFirst() + ".txt")).readAllBytes());
                assertTrue(settings.contains("Seed: "), settings);
            }
            assertEquals(3, new BulkExport(store).exportIds(ids.subList(0, 3), dir.resolve("folder"), i -> { }));
            assertTrue(Files.exists(dir.resolve("folder").resolve(ids.get(2) + ".png")));
            assertEquals(library.find(ids.get(2)).orElseThrow().metadata(),
                    Library.readMetadata(dir.resolve("folder").resolve(ids.get(2) + ".png")).orElseThrow(),
                    "the PNG keeps its metadata");
        }
    }

    @Test
    void anImageThatCannotBeReadLeavesNoHalfWrittenZip() throws Exception {
        Path root = dir.resolve("library");
        LibraryFixtures.fill(root, 5, Instant.parse("2026-11-24T08:00:00Z"));
        try (Library library = new Library(root)) {
            List<String> ids = library.ids(LibraryQuery.all(0));
            Files.delete(library.find(ids.get(3)).orElseThrow().path());
            Path zip = dir.resolve("out/broken.zip");

            LibraryException e = assertThrows(LibraryException.class,
                    () -> new BulkExport(new LibraryImageStore(library)).exportIds(ids, zip, i -> { }));

            assertTrue(e.getMessage().contains(ids.get(3)), e.getMessage());
            assertFalse(Files.exists(zip));
            try (var left = Files.list(zip.getParent())) {
                assertEquals(0, left.count(), "no temp file left either");
            }
        }
    }

    /// A studio that crashed in the middle of an export left its half-written zip as a temp file; the next
    /// export to that folder removes it (the library's own walk never reaches export folders).
    @Test
    void theNextExportRemovesWhatACrashedOneLeftInItsFolder() throws Exception {
        Path root = dir.resolve("library");
        LibraryFixtures.fill(root, 2, Instant.parse("2026-11-24T08:00:00Z"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path crashedZip = Files.write(out.resolve(".qc-999999999-half.tmp"), new byte[4096]);
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path crashedCopy = Files.write(folder.resolve(".qc-999999998-half.tmp"), new byte[4096]);
        try (Library library = new Library(root)) {
            List<String> ids = library.ids(LibraryQuery.all(0));
            BulkExport export = new BulkExport(new LibraryImageStore(library));

            export.exportIds(ids, out.resolve("again.zip"), i -> { });
            export.exportIds(ids, folder, i -> { });
        }

        assertFalse(Files.exists(crashedZip));
        assertFalse(Files.exists(crashedCopy));
    }
}
