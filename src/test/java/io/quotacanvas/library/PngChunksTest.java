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
    void insertedChunksComeBeforeIendWithValidCrcsAndReadBack() throws IOException {
        byte[] out = PngChunks.replaceText(png, Set.of(), PngChunks.textChunk("parameters", "a cat\nSteps: 9"),
                PngChunks.internationalTextChunk("quota-canvas", "{\"prompt\":\"一只猫\"}"));

        List<String> types = TestImages.chunkTypesCheckingCrc(out);
        assertEquals(List.of("tEXt", "iTXt", "IEND"), types.subList(types.size() - 3, types.size()));
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
