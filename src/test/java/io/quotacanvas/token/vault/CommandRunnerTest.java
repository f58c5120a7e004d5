package io.quotacanvas.token.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The system runner says "not installed" without launching a process when the PATH has no such program.
class CommandRunnerTest {
    @TempDir
    Path bin;

    @Test
    void aProgramIsFoundOnlyAsAnExecutableFileOfThePath() throws IOException {
        Path tool = Files.writeString(bin.resolve("secret-tool"), "#!/bin/sh\nexit 0\n");
        Path other = Files.createDirectories(bin.resolve("other"));
        assertFalse(CommandRunner.onPath("secret-tool", other.toString()));
        assertFalse(CommandRunner.onPath("secret-tool", bin.toString()), "not executable yet");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(CommandRunner.onPath("secret-tool", other + java.io.File.pathSeparator + bin));
        assertTrue(CommandRunner.onPath("/an/absolute/path", other.toString()), "left to the process start");
        assertTrue(CommandRunner.onPath("secret-tool", ""), "no PATH: left to the process start");
    }

    @Test
    void aMissingProgramFailsAsNotInstalled() {
        IOException e = assertThrows(IOException.class, () -> CommandRunner.SYSTEM.run(
                List.of("quota-canvas-no-such-program-4711"), null, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("quota-canvas-no-such-program-4711"), e.getMessage());
    }

    @Test
    void anInstalledProgramStillRuns() throws IOException {
        assertEquals(0, CommandRunner.SYSTEM.run(List.of("true"), null, Duration.ofSeconds(10)).exitCode());
    }
}
