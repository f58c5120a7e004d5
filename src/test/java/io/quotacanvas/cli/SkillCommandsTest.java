package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.NoInternet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The skill an agent installs: its SKILL.md has the frontmatter agents read, and every command it shows
/// runs as written (with the launcher put in front) against loopback providers and answers JSON.
class SkillCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theSkillHasTheFrontmatterAgentsRead() {
        String skill = SkillFiles.read("SKILL.md");
        assertTrue(skill.startsWith("---\nname: quota-canvas\ndescription: "), skill.substring(0, 80));
        String description = skill.lines().filter(l -> l.startsWith("description: ")).findFirst().orElseThrow();
        assertTrue(description.length() > 100 && description.length() <= 1024, description);
        for (String variable : List.of("T2I_PEINTURE_HF_TOKENS", "T2I_PEINTURE_GITEE_TOKENS",
                "T2I_PEINTURE_MODELSCOPE_TOKENS", "T2I_PEINTURE_A4F_TOKENS", "T2I_PEINTURE_OPENAI_COMPATIBLE_TOKENS",
                "T2I_PEINTURE_OPENAI_COMPATIBLE_URL")) {
            assertTrue(skill.contains(variable), variable);
        }
    }

    @Test
    void renderingPointsEveryCommandAtTheLauncherAndNothingElse() {
        String text = "Run `quota-canvas` like this:\n```bash\nquota-canvas --prompt x --json\nquota-canvas status\n```\n"
                + "quota-canvas in prose stays.";
        String out = SkillFiles.render(text, "'/opt/My Apps/quota-canvas'");
        assertEquals("Run `quota-canvas` like this:\n```bash\n'/opt/My Apps/quota-canvas' --prompt x --json\n"
                + "'/opt/My Apps/quota-canvas' status\n```\nquota-canvas in prose stays.", out);
        assertEquals("'/opt/My Apps/q'", SkillFiles.shellWord("/opt/My Apps/q"));
        assertEquals("/usr/bin/quota-canvas", SkillFiles.shellWord("/usr/bin/quota-canvas"));
    }

    @Test
    void everyCommandOfTheSkillRunsAsWritten() throws Exception {
        Path launcher = launcher(dir.resolve("bin"));
        String skill = SkillFiles.render(SkillFiles.read("SKILL.md"), SkillFiles.shellWord(launcher.toString()));
        List<String> commands = SkillFiles.commands(skill);
        assertTrue(commands.size() >= 5, commands.toString());
        try (FakeImagesServer gitee = new FakeImagesServer(Flavor.GITEE)) {
            Path home = dir.resolve("home");
            new CliHarness(home).config("""
                    routing:
                      provider_order: [gitee]
                    prompt:
                      optimize: false
                    providers:
                      gitee:
                        base_url: %s
                    """.formatted(gitee.baseUrl()));
            Path work = Files.createDirectories(dir.resolve("work"));
            for (String command : commands) {
                assertTrue(command.startsWith(SkillFiles.shellWord(launcher.toString()) + " "), command);
                Result r = bash(command, home, work);
                assertEquals(0, r.code, command + "\n" + r.err);
                JsonNode json = JSON.readTree(r.out);
                assertFalse(json.has("error_type"), command + " -> " + r.out);
                assertFalse(r.out.contains("test-token") || r.err.contains("test-token"), "a token was shown");
            }
            assertTrue(Files.isRegularFile(work.resolve("cabin-1.png")) && Files.isRegularFile(work.resolve(
                    "cabin-2.png")), "--output wrote the copies where the skill says");
        }
    }

    private record Result(int code, String out, String err) {}

    private static Result bash(String command, Path home, Path work) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(work.toFile());
        pb.environment().put("QUOTA_CANVAS_HOME", home.toString());
        pb.environment().put("QUOTA_CANVAS_VAULT", "file");
        pb.environment().put("T2I_PEINTURE_GITEE_TOKENS", "test-token-skill-0001,test-token-skill-0002");
        Path err = Files.createTempFile(work.getParent(), "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), out, Files.readString(err));
    }

    /// A `quota-canvas` script that runs this build's Main on the test class path, as the real launcher runs
    /// the jar.
    static Path launcher(Path bin) throws IOException {
        Files.createDirectories(bin);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> lines = new ArrayList<>(List.of("#!/usr/bin/env bash",
                "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' --enable-native-access=ALL-UNNAMED"
                        + " -Xshare:auto -XX:TieredStopAtLevel=1 " + String.join(" ", NoInternet.jvmArgs()) + " -cp '"
                        + classpath + "' io.quotacanvas.Main \"$@\""));
        Path script = bin.resolve("quota-canvas");
        Files.write(script, lines);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
