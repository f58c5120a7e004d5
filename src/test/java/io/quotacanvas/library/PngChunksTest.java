package io.quotacanvas.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PngChunksTest {
    private final byte[] png = TestImages.png(8, 6).bytes();

    @Test
    void insertedChunksComeBeforeTheImageDataWithValidCrcsAndReadBack() throws IOException {
        byte[] out = PngChunks.replaceText(png, Set.of(), PngChunks.textChunk("parameters", "a cat\nSteps: 9"),
                PngChunks.internationalTextChunk("quota-canvas", "{\"prompt\":\"一只猫\"}"));

        List<String> types = TestImages.chunkTypesCheckingCrc(out);
        // readers (A1111, ExifTool) expect text before IDAT: ExifTool warns about text found after it
        int firstIdat = types.indexOf("IDAT");
        assertEquals(List.of("tEXt", "iTXt", "IDAT"), types.subList(firstIdat - 2, firstIdat + 1), types.toString());
        assertEquals("IHDR", types.getFirst());
        assertEquals("IEND", types.getLast());
        PngChunks.TextInfo info = PngChunks.readText(new ByteArrayInputStream(out)).orElseThrow();
        assertEquals(8, info.width());
        assertEquals(6, info.height());
        assertEquals("a cat\nSteps: 9", info.texts().get("parameters"));
        assertEquals("{\"prompt\":\"一只猫\"}", info.texts().get("quota-canvas"));
    }

    @Test
    void replacingDropsOldChunksWithTheSameKeywordsAndKeepsEverythingElse() throws IOException {
        byte[] once = PngChunks.replaceText(png, Set.of(), PngChunks.textChunk("parameters", "old"),
                PngChunks.textChunk("Software", "other tool"));
        byte[] twice = PngChunks.replaceText(once, Set.of("parameters"), PngChunks.textChunk("parameters", "new"));

        PngChunks.TextInfo info = PngChunks.readText(new ByteArrayInputStream(twice)).orElseThrow();
        assertEquals("new", info.texts().get("parameters"));
        assertEquals("other tool", info.texts().get("Software"));
        byte[] stripped = PngChunks.replaceText(twice, Set.of("parameters", "Software"));
        assertArrayEquals(png, stripped);
    }

    @Test
    void metadataWrittenAfterTheImageDataByOlderVersionsMovesBeforeItWhenReplaced() throws IOException {
        byte[] late = appendBeforeIend(png, PngChunks.textChunk("parameters", "old"));
        assertTrue(TestImages.chunkTypesCheckingCrc(late).lastIndexOf("tEXt")
                > TestImages.chunkTypesCheckingCrc(late).indexOf("IDAT"));

        byte[] fixed = PngChunks.replaceText(late, Set.of("parameters"), PngChunks.textChunk("parameters", "new"));

        List<String> types = TestImages.chunkTypesCheckingCrc(fixed);
        assertEquals(1, types.stream().filter("tEXt"::equals).count(), types.toString());
        assertTrue(types.indexOf("tEXt") < types.indexOf("IDAT"), types.toString());
        assertEquals("new", PngChunks.readText(new ByteArrayInputStream(fixed)).orElseThrow().texts().get("parameters"));
    }

    /// `png` with `chunk` just before `IEND` (the 12 last bytes), where this project used to put metadata.
    private static byte[] appendBeforeIend(byte[] png, byte[] chunk) {
        byte[] out = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, out, 0, png.length - 12);
        System.arraycopy(chunk, 0, out, png.length - 12, chunk.length);
        System.arraycopy(png, png.length - 12, out, png.length - 12 + chunk.length, 12);
        return out;
    }

    @Test
    void latin1CheckRejectsChineseAndNul() {
        assertTrue(PngChunks.isLatin1("café, 3.5"));
        assertFalse(PngChunks.isLatin1("一只猫"));
        assertFalse(PngChunks.isLatin1("a\0b"));
    }

    @Test
    void nonPngInputIsReportedNotGuessed() throws IOException {
        assertTrue(PngChunks.readText(new ByteArrayInputStream("hello".getBytes())).isEmpty());
        assertThrows(IOException.class, () -> PngChunks.replaceText(Arrays.copyOf(png, 40), Set.of()));
    }
}
