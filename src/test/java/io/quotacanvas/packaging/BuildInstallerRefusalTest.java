package io.quotacanvas.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `packaging/build-installer` stops before building anything, with exit 2 and one line that names what is
/// missing, wherever it can't make the installer asked for.
class BuildInstallerRefusalTest {
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    record Refusal(int code, String said) {}

    private Refusal run(Map<String, String> env, String... args) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of("bash", "packaging/build-installer"));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", JDK.toString());
        pb.environment().remove("QUOTA_CANVAS_OS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Refusal(p.exitValue(), out.strip());
    }

    @Test
    void anUnknownSystemIsRefused() throws Exception {
        Refusal r = run(Map.of("QUOTA_CANVAS_OS", "plan9"), "--no-build");
        assertEquals(2, r.code());
        assertEquals("build-installer: unknown system 'plan9': installers are built on linux, mac or windows"
                + " (QUOTA_CANVAS_OS overrides)", r.said());
    }

    @Test
    void aJdkWithoutJpackageIsRefused() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("jdk/bin"));
        for (String tool : new String[] {"java", "jlink", "jdeps", "jar"}) {
            Files.createSymbolicLink(fake.resolve(tool), JDK.resolve("bin").resolve(tool));
        }
        Refusal r = run(Map.of("JAVA_HOME", fake.getParent().toString(), "QUOTA_CANVAS_OS", "linux"), "--no-build");
        assertEquals(2, r.code());
        assertTrue(r.said().endsWith("has no jpackage: installers need a full JDK 25 (with jdk.jlink and jdk.jpackage),"
                + " not a JRE"), r.said());
    }

    @Test
    void windowsWithoutWixAndMacWithoutHdiutilAreRefusedByName() throws Exception {
        Refusal windows = run(Map.of("QUOTA_CANVAS_OS", "windows", "PATH", "/usr/bin:/bin"), "--no-build");
        assertEquals(2, windows.code());
        assertEquals("build-installer: a .msi needs WiX: WiX 3 (candle.exe and light.exe) or WiX 4/5 (dotnet tool"
                + " install --global wix) on PATH", windows.said());
        Refusal mac = run(Map.of("QUOTA_CANVAS_OS", "mac", "PATH", "/usr/bin:/bin"), "--no-build");
        assertEquals(2, mac.code());
        assertEquals("build-installer: a .dmg needs hdiutil (part of macOS)", mac.said());
    }

    @Test
    void aPackageOfAnotherSystemAndAnUnknownFlagAreRefused() throws Exception {
        Refusal dmg = run(Map.of("QUOTA_CANVAS_OS", "linux"), "--type", "dmg");
        assertEquals(2, dmg.code());
        assertEquals("build-installer: a dmg package can't be built on linux (there: deb rpm, or app-image)", dmg.said());
        assertEquals(2, run(Map.of(), "--shiny").code());
    }

    @Test
    void theScriptIsExecutable() throws IOException {
        assertTrue(Files.isExecutable(Path.of("packaging/build-installer")));
        assertTrue(Files.isExecutable(Path.of("packaging/render-icons")));
    }
}
