package io.quotacanvas.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.FakeImagesServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The Linux installer as a person gets it (`mvn -B -Pinstaller verify`, after `package`): the `.deb` that
/// `packaging/build-installer` makes is unpacked with `dpkg-deb -x`, and its `quota-canvas` command runs
/// with an empty `PATH` (no JDK anywhere) against a loopback Gitee, for the command line and the studio.
class InstallerIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final long MAX_DEB_BYTES = 120L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path scratch;

    static Path deb;
    static Path installed;
    static long buildSeconds;

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        long t0 = System.nanoTime();
        Run build = run(ROOT, Map.of(), 900, "bash", "packaging/build-installer", "--no-build", "--type", "deb");
        assertEquals(0, build.code(), build.err());
        buildSeconds = (System.nanoTime() - t0) / 1_000_000_000;
        try (Stream<Path> files = Files.list(ROOT.resolve("target/installer"))) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        installed = scratch.resolve("root");
        assertEquals(0, run(ROOT, Map.of(), 120, "dpkg-deb", "-x", deb.toString(), installed.toString()).code());
    }

    @AfterAll
    static void report() throws IOException {
        System.out.printf("installer: %s, %.1f MB, built in %d s%n", deb.getFileName(), Files.size(deb) / 1048576.0,
                buildSeconds);
    }

    private static Path launcher() {
        return installed.resolve("opt/quota-canvas/bin/quota-canvas");
    }

    @Test
    void theDebIsSmallEnoughAndInstallsACommandAMenuEntryAndTheIcon() throws Exception {
        assertTrue(Files.size(deb) <= MAX_DEB_BYTES, "the .deb is " + Files.size(deb) + " bytes");
        String info = run(ROOT, Map.of(), 60, "dpkg-deb", "-I", deb.toString()).out();
        assertTrue(info.contains("Package: quota-canvas"), info);
        assertTrue(info.contains("libgtk-3-0"), "JavaFX's GTK library is a dependency: " + info);
        Path control = scratch.resolve("control");
        run(ROOT, Map.of(), 60, "dpkg-deb", "-e", deb.toString(), control.toString());
        assertTrue(Files.readString(control.resolve("postinst")).contains(
                "ln -sf /opt/quota-canvas/bin/quota-canvas /usr/bin/quota-canvas"));
        Path lib = installed.resolve("opt/quota-canvas/lib");
        String desktop = Files.readString(lib.resolve("quota-canvas-quota-canvas.desktop"));
        assertTrue(desktop.contains("Name=Quota Canvas") && desktop.contains("Exec=/opt/quota-canvas/bin/quota-canvas")
                && desktop.contains("Icon=/opt/quota-canvas/lib/quota-canvas.png"), desktop);
        byte[] icon = Files.readAllBytes(lib.resolve("quota-canvas.png"));
        byte[] ours = Files.readAllBytes(ROOT.resolve("src/main/resources/io/quotacanvas/ui/icons/icon-512.png"));
        assertTrue(java.util.Arrays.equals(ours, icon), "the menu entry shows our icon, not jpackage's default");
        assertTrue(Files.isRegularFile(lib.resolve("app/quota-canvas.aot")), "the start-up cache ships");
        assertTrue(Files.isExecutable(lib.resolve("runtime/bin/java")), "the runtime ships");
    }

    @Test
    void theUnpackedCommandMakesAnImageWithNoJdkOnPathAndPrintsOnlyJson() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(FakeImagesServer.Flavor.GITEE)) {
            Path home = home("cli", gitee);
            Run run = run(home, env(home), 120, launcher().toString(), "--prompt", "a red fox in snow", "--json");

            assertEquals(0, run.code(), run.err());
            JsonNode json = JSON.readTree(run.out());
            assertEquals("gitee", json.get("provider").asString());
            Path saved = Path.of(json.get("saved_path").asString());
            assertTrue(saved.startsWith(home.resolve("library")) && Files.size(saved) > 0, saved.toString());
            assertEquals(1, gitee.requestsWithToken("test-token-1"));
            System.out.printf("installer: one CLI image in %d ms (process start to exit)%n", run.millis());
        }
    }

    @Test
    void exitCodesComeThroughTheLauncher() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(FakeImagesServer.Flavor.GITEE)) {
            gitee.defaultReply(FakeImagesServer.Reply.QUOTA);
            Path home = home("exit", gitee);
            Run failed = run(home, env(home), 120, launcher().toString(), "--prompt", "a fox", "--json");
            assertEquals(1, failed.code(), failed.err());
            assertEquals("quota_exhausted", JSON.readTree(failed.out()).get("error_type").asString());
            assertEquals(2, run(home, env(home), 60, launcher().toString(), "--no-such-flag").code());
        }
    }

    @Test
    void theUnpackedStudioStartsAndBecomesInteractive() throws Exception {
        Path home = Files.createDirectories(scratch.resolve("studio"));
        // the studio half of the launcher's warm-up run: the studio alone on JavaFX's headless platform until
        // Generate is laid out (the whole warm-up runs the command line first, which its uptime would include)
        Run run = run(home, env(home), 120, launcher().toString(), "--aot-training=studio");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("interactive after "), run.out());
        System.out.printf("installer: studio %s (JVM uptime)%n", run.out().strip());
    }

    @Test
    void theBundledRuntimeUsesTheShippedStartUpCacheWhereverItIsUnpacked() throws Exception {
        Path app = installed.resolve("opt/quota-canvas/lib");
        Path home = Files.createDirectories(scratch.resolve("aot"));
        Run run = run(home, env(home), 120, app.resolve("runtime/bin/java").toString(),
                "-XX:AOTCache=" + app.resolve("app/quota-canvas.aot"), "-Xlog:aot", "--enable-native-access=ALL-UNNAMED",
                "-Djava.class.path=" + app.resolve("app/quota-canvas.jar"), "io.quotacanvas.Main", "--version");
        assertTrue(run.out().contains("Using AOT-linked classes: true"), run.out());
    }

    @Test
    void theTrimmedRuntimeHasWhatIsReachedOnlyAtRunTime() throws Exception {
        Path runtime = installed.resolve("opt/quota-canvas/lib/runtime/bin");
        Path keystore = scratch.resolve("probe.p12");
        Run keytool = run(scratch, Map.of(), 60, runtime.resolve("keytool").toString(), "-genkeypair", "-alias", "probe",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit");
        assertEquals(0, keytool.code(), keytool.err());
        String classpath = ROOT.resolve("target/test-classes") + java.io.File.pathSeparator
                + installed.resolve("opt/quota-canvas/lib/app/quota-canvas.jar");
        Run probe = run(scratch, Map.of(), 60, runtime.resolve("java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath, RuntimeProbe.class.getName(), keystore.toString());
        assertEquals(0, probe.code(), probe.out() + probe.err());
        assertTrue(probe.out().contains("ok tls TLSv1.3"), probe.out());
        assertTrue(probe.out().contains("ok sqlite"), probe.out());
    }

    private static Path home(String name, FakeImagesServer gitee) throws IOException {
        Path home = Files.createDirectories(scratch.resolve(name));
        Files.writeString(home.resolve("config.yaml"), """
                routing:
                  provider_order: [gitee]
                providers:
                  gitee:
                    base_url: %s
                """.formatted(gitee.baseUrl()));
        return home;
    }

    /// No JDK, no Maven, nothing on PATH: only what the package brought.
    private static Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "");
        env.put("HOME", home.toString());
        env.put("QUOTA_CANVAS_HOME", home.toString());
        env.put("QUOTA_CANVAS_VAULT", "file");
        env.put("QUOTA_CANVAS_GITEE_TOKENS", "test-token-1");
        return env;
    }

    record Run(int code, String out, String err, long millis) {}

    /// Runs a process with exactly `env` (or the inherited one when empty), capturing both streams.
    private static Run run(Path dir, Map<String, String> env, long timeoutSeconds, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(p.exitValue(), read(out), read(err), millis);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
