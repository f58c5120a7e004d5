package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StudioAppEnvironmentTest {

    @Test
    void theLibraryFolderSettingMovesTheLibraryTheWayTheCommandLineVariableDoes() {
        // regression: the setting was saved but the core always opened the default library
        Map<String, String> env = StudioApp.coreEnvironment(Map.of("QUOTA_CANVAS_HOME", "/data/qc"), " /media/art ");

        assertEquals("/media/art", env.get("QUOTA_CANVAS_LIBRARY"));
        assertEquals("/data/qc", env.get("QUOTA_CANVAS_HOME"));
    }

    @Test
    void noSettingLeavesTheEnvironmentAlone() {
        Map<String, String> env = Map.of("QUOTA_CANVAS_HOME", "/data/qc");

        assertSame(env, StudioApp.coreEnvironment(env, ""));
    }
}
