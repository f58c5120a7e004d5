package io.quotacanvas.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.storage.AtomicFiles.Option;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteCreatesTheFoldersAndReplacesAnOlderFileWhole() throws Exception {
        Path target = dir.resolve("a").resolve("b").resolve("file.txt");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second, longer".getBytes(StandardCharsets.UTF_8), Option.DURABLE);

        assertEquals("second, longer", Files.readString(target));
        assertEquals(List.of("file.txt"), names(target.getParent()));
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTempFile() throws Exception {
        Path target = dir.resolve("settings.properties");
        Files.writeString(target, "kept");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk went away");
        }));

        assertEquals("disk went away", e.getMessage());
        assertEquals("kept", Files.readString(target));
        assertEquals(List.of("settings.properties"), names(dir));
    }

    @Test
    void anOwnerOnlyFileIsNeverReadableByOthers() throws Exception {
        Path target = dir.resolve("tokens.json");
        AtomicFiles.write(target, "{}".getBytes(StandardCharsets.UTF_8), Option.DURABLE, Option.OWNER_ONLY);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void anImageIsStreamedThroughAnEncoder() throws Exception {
        Path target = dir.resolve("thumb.png");
        AtomicFiles.write(target, out -> ImageEncoding.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB),
                "png", out));

        BufferedImage read = ImageIO.read(target.toFile());
        assertEquals(3, read.getWidth());
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("x.nope"),
                out -> ImageEncoding.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "no-such", out)));
        assertFalse(Files.exists(dir.resolve("x.nope")));
    }

    @Test
    void leftoversOfDeadWritersAreCleanedButLiveOnesAndOtherFilesStay() throws Exception {
        Path dead = Files.write(dir.resolve(".qc-999999999-abc.tmp"), new byte[] {1});
        Path live = Files.write(dir.resolve(".qc-" + ProcessHandle.current().pid() + "-live.tmp"), new byte[] {1});
        Path other = Files.write(dir.resolve("image.png"), new byte[] {1});

        assertEquals(1, AtomicFiles.cleanLeftovers(dir, null));

        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(live));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(other));
    }

    @Test
    void leftoversBesideAFileAreCleanedWithoutEnteringSubfolders() throws Exception {
        Path dead = Files.write(dir.resolve(".qc-999999999-abc.tmp"), new byte[] {1});
        Path below = Files.createDirectories(dir.resolve("library"));
        Path deadBelow = Files.write(below.resolve(".qc-999999999-def.tmp"), new byte[] {1});

        assertEquals(1, AtomicFiles.cleanLeftoversBeside(dir.resolve("gateway-keys.json")));

        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(deadBelow), "a big folder beside the file is not walked");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
