package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void oneImageGoesToThePathItself() {
        assertEquals(dir.resolve("out.png"), new OutputPaths(dir.resolve("out.png"), 1).pathFor(0, "id1"));
    }

    @Test
    void aBatchNumbersFromOneBeforeTheExtension() {
        OutputPaths paths = new OutputPaths(dir.resolve("fox.png"), 3);

        assertEquals(dir.resolve("fox-1.png"), paths.pathFor(0, "a"));
        assertEquals(dir.resolve("fox-3.png"), paths.pathFor(2, "c"));
    }

    @Test
    void anExistingFolderGetsTheImageId() {
        assertEquals(dir.resolve("20261124-xyz.png"), new OutputPaths(dir, 2).pathFor(1, "20261124-xyz"));
    }

    @Test
    void noOutputMeansNoPath() {
        assertNull(OutputPaths.NONE.pathFor(0, "id"));
    }
}
