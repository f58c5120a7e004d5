package io.quotacanvas.library;

import static io.quotacanvas.library.TestImages.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ImageData;
import io.quotacanvas.core.ProviderId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LibraryTest {
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
    void pngIsStoredWithItsOwnBytesPlusBothMetadataChunks() throws Exception {
        ImageData input = TestImages.png(64, 64);
        ImageMetadata meta = TestImages.metadata("a cat", "A fluffy cat", T0);

        StoredImage stored = library.save(input, meta);

        assertTrue(stored.id().matches("20261124-143205-[0-9a-z]{6}"), stored.id());
        assertEquals(root.resolve("2026/11/" + stored.id() + ".png"), stored.path());
        byte[] file = Files.readAllBytes(stored.path());
        TestImages.chunkTypesCheckingCrc(file);
        assertArrayEquals(input.bytes(), PngChunks.replaceText(file, Set.of("parameters", "quota-canvas")));
        BufferedImage read = ImageIO.read(stored.path().toFile());
        assertArrayEquals(TestImages.pixels(ImageIO.read(new ByteArrayInputStream(input.bytes()))),
                TestImages.pixels(read));
        assertEquals(meta, Library.readMetadata(stored.path()).orElseThrow());
        assertTrue(Library.readParameters(stored.path()).orElseThrow().startsWith("A fluffy cat\nSteps: 9,"));
        assertEquals(List.of(stored), library.list(LibraryQuery.all(10)));
        assertEquals(stored, library.find(stored.id()).orElseThrow());
    }

    @Test
    void theStoredFileCarriesBothMetadataChunksBeforeItsImageData() throws Exception {
        // ExifTool warned "Text/EXIF chunk(s) found after PNG IDAT (may be ignored by some readers)"
        for (ImageData input : List.of(TestImages.png(64, 64), TestImages.jpeg(32, 24))) {
            StoredImage stored = library.save(input, TestImages.metadata("a cat", "一只猫 in snow", T0));

            List<String> types = TestImages.chunkTypesCheckingCrc(Files.readAllBytes(stored.path()));
            int firstIdat = types.indexOf("IDAT");
            assertEquals("IHDR", types.getFirst());
            assertTrue(firstIdat > 0, types.toString());
            assertEquals(2, types.subList(0, firstIdat).stream()
                    .filter(t -> t.equals("tEXt") || t.equals("iTXt")).count(), types.toString());
            assertTrue(types.subList(firstIdat, types.size()).stream().noneMatch(t -> t.endsWith("Xt")),
                    types.toString());
        }
    }

    @Test
    void jpegBecomesPngWithMetadata() throws Exception {
        StoredImage stored = library.save(TestImages.jpeg(32, 24), TestImages.metadata("dog", "a dog", T0));

        assertIsPngWithMetadata(stored, 32, 24);
    }

    @Test
    void webpBecomesPngWithMetadata() throws Exception {
        StoredImage stored = library.save(new ImageData(TestImages.WEBP_1X1, "webp", 1, 1),
                TestImages.metadata("dot", "a dot", T0));

        assertIsPngWithMetadata(stored, 1, 1);
    }

    @Test
    void undecodableBytesAreRefusedWithAReadableMessage() {
        LibraryException e = assertThrows(LibraryException.class, () -> library.save(
                new ImageData("<html>rate limited</html>".getBytes(), "png", 1, 1), TestImages.metadata("x", "x", T0)));

        assertTrue(e.getMessage().contains("not saved"), e.getMessage());
    }

    @Test
    void chinesePromptRoundTripsThroughAnItxtParametersChunk() throws Exception {
        ImageMetadata meta = TestImages.metadata("一只在窗台上睡觉的猫", "A cat sleeping on a windowsill, 一只猫", T0);

        StoredImage stored = library.save(TestImages.png(16, 16), meta);

        assertEquals(meta, Library.readMetadata(stored.path()).orElseThrow());
        assertTrue(Library.readParameters(stored.path()).orElseThrow().contains("Original prompt: 一只在窗台上睡觉的猫"));
        assertTrue(TestImages.chunkTypesCheckingCrc(Files.readAllBytes(stored.path())).stream()
                .noneMatch("tEXt"::equals));
        assertEquals(List.of(stored.id()), ids(LibraryQuery.text("窗台", 10)));
    }

    @Test
    void searchFindsWordsFromEitherPromptAndPrefixes() throws Exception {
        String cat = save("kitten", "A fluffy cat sleeping", T0).id();
        String fox = save("fox", "A red fox in snow", T0.plusSeconds(1)).id();

        assertEquals(List.of(cat), ids(LibraryQuery.text("kitten", 10)));
        assertEquals(List.of(cat), ids(LibraryQuery.text("fluffy", 10)));
        assertEquals(List.of(cat), ids(LibraryQuery.text("slee", 10)));
        assertEquals(List.of(fox), ids(LibraryQuery.text("RED sno", 10)));
        assertEquals(List.of(fox, cat), ids(LibraryQuery.text("a", 10)));
        assertEquals(List.of(), ids(LibraryQuery.text("fluffy fox", 10)));
    }

    @Test
    void hostileSearchTextNeverBreaksTheQuery() throws Exception {
        String cat = save("cat", "a cat", T0).id();

        for (String hostile : List.of("cat\" OR (", "\"", "(", "*", "cat*", "NEAR(cat", "cat AND", "'; DROP TABLE images;--",
                "-cat", "^cat", "col:cat", "100%", "_", "\\", "   ", "cat\")")) {
            List<String> found = ids(LibraryQuery.text(hostile, 10));
            assertTrue(found.isEmpty() || found.equals(List.of(cat)), hostile + " -> " + found);
            library.count(LibraryQuery.text(hostile, 10));
        }
        assertEquals(List.of(cat), ids(LibraryQuery.text("cat\" (", 10)));
        assertEquals(List.of(), ids(LibraryQuery.text("cat\" OR (", 10)), "OR is a word to match, not an operator");
        assertEquals(1, library.count(LibraryQuery.all(0)));
    }

    @Test
    void filtersCombineAndCountMatchesList() throws Exception {
        String a = library.save(TestImages.png(8, 8), TestImages.metadata("x", "cat one", ProviderId.GITEE, "z-image-turbo",
                T0)).id();
        String b = library.save(TestImages.png(8, 8), TestImages.metadata("x", "cat two", ProviderId.HUGGINGFACE,
                "flux-schnell", T0.plusSeconds(1))).id();
        String c = library.save(TestImages.png(8, 8), TestImages.metadata("x", "cat three", ProviderId.GITEE,
                "qwen-image", T0.plusSeconds(2))).id();
        assertTrue(library.setFavourite(b, true));
        assertTrue(library.setFavourite(c, true));

        assertEquals(List.of(c, a), ids(new LibraryQuery(null, false, ProviderId.GITEE, null, 0, 10)));
        assertEquals(List.of(a), ids(new LibraryQuery(null, false, null, "z-image-turbo", 0, 10)));
        assertEquals(List.of(c, b), ids(new LibraryQuery(null, true, null, null, 0, 10)));
        assertEquals(List.of(c), ids(new LibraryQuery("cat", true, ProviderId.GITEE, null, 0, 10)));
        assertEquals(2, library.count(new LibraryQuery("cat", true, null, null, 0, 1)));
        assertTrue(library.find(b).orElseThrow().favourite());
        assertTrue(library.setFavourite(b, false));
        assertFalse(library.find(b).orElseThrow().favourite());
        assertFalse(library.setFavourite("no-such-id", true));
    }

    @Test
    void listingIsNewestFirstAndPages() throws Exception {
        List<String> saved = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            saved.add(0, save("p" + i, "prompt " + i, T0.plusSeconds(i * 86_400L * 20)).id());
        }

        assertEquals(saved, ids(LibraryQuery.all(0)));
        assertEquals(saved.subList(0, 3), ids(new LibraryQuery(null, false, null, null, 0, 3)));
        assertEquals(saved.subList(3, 6), ids(new LibraryQuery(null, false, null, null, 3, 3)));
        assertEquals(saved.subList(6, 7), ids(new LibraryQuery(null, false, null, null, 6, 3)));
        assertEquals(7, library.count(new LibraryQuery(null, false, null, null, 3, 3)));
        assertTrue(Files.isDirectory(root.resolve("2027/02")), "images are filed by UTC year and month");
    }

    @Test
    void deletingTheIndexFileRebuildsTheSameListingIncludingFavourites() throws Exception {
        String cat = save("kitten", "a cat", T0).id();
        save("一只狗", "a dog", T0.plusSeconds(5));
        library.setFavourite(cat, true);
        List<StoredImage> before = library.list(LibraryQuery.all(0));
        library.close();
        for (String name : List.of("index.db", "index.db-wal", "index.db-shm")) {
            Files.deleteIfExists(root.resolve(".quota-canvas").resolve(name));
        }

        library = new Library(root);

        assertEquals(before, library.list(LibraryQuery.all(0)));
        assertEquals(2, library.rebuildIndex());
        assertEquals(before, library.list(LibraryQuery.all(0)));
        assertEquals(List.of(cat), ids(LibraryQuery.text("kitt", 10)));
    }

    @Test
    void rebuildIndexesForeignPngsWithWhatCanBeRead() throws Exception {
        byte[] a1111 = PngChunks.replaceText(TestImages.png(12, 10).bytes(), Set.of(), PngChunks.textChunk("parameters",
                "a lighthouse at dusk\nSteps: 30, CFG scale: 6.5, Seed: 7, Size: 12x10, Model: sdxl"));
        Files.createDirectories(root.resolve("imported"));
        Files.write(root.resolve("imported/lighthouse.png"), a1111);
        Files.write(root.resolve("imported/plain.png"), TestImages.png(5, 4).bytes());
        Files.write(root.resolve("imported/notes.png"), "not an image".getBytes());

        assertEquals(2, library.rebuildIndex());

        StoredImage lighthouse = library.find("lighthouse").orElseThrow();
        assertEquals("a lighthouse at dusk", lighthouse.metadata().promptFinal());
        assertEquals(30, lighthouse.metadata().steps());
        assertEquals(6.5, lighthouse.metadata().guidanceScale());
        assertEquals(7, lighthouse.metadata().seed());
        assertEquals("sdxl", lighthouse.metadata().model());
        assertEquals(List.of("lighthouse"), ids(LibraryQuery.text("lighthouse", 10)));
        StoredImage plain = library.find("plain").orElseThrow();
        assertEquals(5, plain.metadata().width());
        assertEquals(4, plain.metadata().height());
        assertTrue(Library.readMetadata(root.resolve("imported/plain.png")).isEmpty());
    }

    @Test
    void leftoverTempFilesFromACrashAreRemovedOnOpenButLiveOnesAreKept() throws Exception {
        library.close();
        Instant now = Instant.now();
        Path month = Files.createDirectories(root.resolve(monthOf(now)));
        Path deadWriter = Files.write(month.resolve(".qc-999999999-abc.tmp"), new byte[] {1, 2});
        Path staleOwnPid = Files.write(month.resolve(".qc-" + ProcessHandle.current().pid() + "-old.tmp"), new byte[1]);
        Files.setLastModifiedTime(staleOwnPid, FileTime.from(now.minusSeconds(7200)));
        Path inFlight = Files.write(month.resolve(".qc-" + ProcessHandle.current().pid() + "-live.tmp"), new byte[1]);

        library = new Library(root, Clock.fixed(now, ZoneOffset.UTC));

        assertFalse(Files.exists(deadWriter));
        assertFalse(Files.exists(staleOwnPid));
        assertTrue(Files.exists(inFlight), "a temp file another live writer is still filling must survive");
    }

    /// This month's folder is cleaned at every open; the whole library once a day, so opening it for every
    /// image of the command line doesn't walk 20,000 files each time.
    @Test
    void olderMonthsAreCleanedOnceADay() throws Exception {
        library.close();
        Instant now = Instant.now();
        Path old = Files.createDirectories(root.resolve(monthOf(now.minus(Duration.ofDays(62)))));
        Path oldLeftover = Files.write(old.resolve(".qc-999999999-abc.tmp"), new byte[1]);
        Instant withinADay = now.plus(Duration.ofHours(23));
        Path current = Files.createDirectories(root.resolve(monthOf(withinADay)));
        Path currentLeftover = Files.write(current.resolve(".qc-999999998-def.tmp"), new byte[1]);

        new Library(root, Clock.fixed(withinADay, ZoneOffset.UTC)).close();
        assertFalse(Files.exists(currentLeftover), "this month's folder is cleaned at every open");
        assertTrue(Files.exists(oldLeftover), "the whole library was walked again within a day");

        library = new Library(root, Clock.fixed(now.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        assertFalse(Files.exists(oldLeftover), "a day later the whole library is walked");
    }

    private static String monthOf(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC).format(at);
    }

    @Test
    void exportCopyWritesTheStoredPngCreatingFoldersAndReplacing() throws Exception {
        StoredImage stored = save("cat", "a cat", T0);
        Path target = root.resolve("out/deeper/cat.png");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content");

        assertEquals(target, library.exportCopy(stored, target));

        assertArrayEquals(Files.readAllBytes(stored.path()), Files.readAllBytes(target));
        Path fresh = root.resolve("elsewhere/new/dir/x.png");
        library.exportCopy(stored, fresh);
        assertEquals(stored.metadata(), Library.readMetadata(fresh).orElseThrow());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no temp file is left beside the export");
        }
    }

    @Test
    void deleteRemovesFileAndRow() throws Exception {
        StoredImage stored = save("cat", "a cat", T0);
        library.setFavourite(stored.id(), true);

        assertTrue(library.delete(stored.id()));

        assertFalse(Files.exists(stored.path()));
        assertTrue(library.find(stored.id()).isEmpty());
        assertEquals(List.of(), ids(LibraryQuery.text("cat", 10)));
        assertFalse(library.delete(stored.id()));
        assertEquals(0, library.rebuildIndex());
    }

    @Test
    void aSecretThatIsNotInTheMetadataNeverReachesAnyFile() throws Exception {
        String canary = "hf_canary-secret-token-123";
        StoredImage stored = save("cat", "a cat", T0);
        library.setFavourite(stored.id(), true);
        library.rebuildIndex();
        library.close();

        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(canary), f.toString());
            }
        }
        String json = PngChunks.readText(stored.path()).orElseThrow().texts().get("quota-canvas");
        JsonNode node = JsonMapper.builder().build().readTree(json);
        assertEquals(MetadataCodecTest.DOCUMENTED_FIELDS, new HashSet<>(node.propertyNames()));
        library = new Library(root);
    }

    @Test
    void aFileWhereTheLibraryFolderShouldBeGivesAnActionableMessage() throws IOException {
        Path blocker = Files.writeString(root.resolve("blocker"), "x");

        LibraryException e = assertThrows(LibraryException.class, () -> new Library(blocker.resolve("lib")));

        assertTrue(e.getMessage().startsWith("Could not create the library folder"), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }

    private StoredImage save(String original, String fin, Instant createdAt) throws LibraryException {
        return library.save(TestImages.png(8, 8), TestImages.metadata(original, fin, createdAt));
    }

    private List<String> ids(LibraryQuery q) throws LibraryException {
        return library.list(q).stream().map(StoredImage::id).toList();
    }

    private static void assertIsPngWithMetadata(StoredImage stored, int width, int height) throws Exception {
        byte[] file = Files.readAllBytes(stored.path());
        assertTrue(PngChunks.isPng(file));
        TestImages.chunkTypesCheckingCrc(file);
        BufferedImage read = ImageIO.read(stored.path().toFile());
        assertNotNull(read);
        assertEquals(width, read.getWidth());
        assertEquals(height, read.getHeight());
        assertEquals(stored.metadata(), Library.readMetadata(stored.path()).orElseThrow());
        assertTrue(Library.readParameters(stored.path()).isPresent());
    }
}
