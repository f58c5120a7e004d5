package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `quota-canvas skill install` writes the skill into a skills folder, pointing at the launcher that ran it.
class SkillInstallCommandTest {
    @TempDir
    Path dir;

    @Test
    void installsTheSkillPointingAtTheLauncherThatRanIt() throws Exception {
        CliHarness cli = new CliHarness(dir.resolve("home")).env("QUOTA_CANVAS_LAUNCHER", "/opt/quota canvas/bin/quota-canvas");
        Path skills = dir.resolve("skills");

        var run = cli.run("skill", "install", "--dir", skills.toString());

        assertEquals(0, run.exitCode(), run.stderr());
        String installed = Files.readString(skills.resolve("quota-canvas").resolve("SKILL.md"));
        assertTrue(installed.contains("\n'/opt/quota canvas/bin/quota-canvas' --prompt \"a red fox in snow, watercolor\" --json\n"),
                installed);
        assertTrue(run.stdout().contains(skills.resolve("quota-canvas").toString()), run.stdout());
        assertTrue(SkillFiles.commands(installed).stream().allMatch(c -> c.startsWith("'/opt/quota canvas/bin/quota-canvas' ")));
    }

    /// Without `--agent` or `--dir`, the agents are looked for in `HOME` (not the JDK's `user.home`, which
    /// ignores it): only those installed there get the skill.
    @Test
    void theAgentsFoundInHomeGetTheSkill() throws Exception {
        Path home = Files.createDirectories(dir.resolve("user"));
        Files.createDirectories(home.resolve(".claude"));
        CliHarness cli = new CliHarness(dir.resolve("home")).env("HOME", home.toString());

        var run = cli.run("skill", "install", "--launcher", "/a/quota-canvas");

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Files.exists(home.resolve(".claude/skills/quota-canvas/SKILL.md")));
        assertTrue(Files.notExists(home.resolve(".codex")), "an agent that isn't installed gets nothing");
    }

    @Test
    void anInstalledSkillIsReplacedOnlyWithForce() throws Exception {
        CliHarness cli = new CliHarness(dir.resolve("home"));
        Path skills = dir.resolve("skills");
        assertEquals(0, cli.run("skill", "install", "--dir", skills.toString(), "--launcher", "/a/quota-canvas").exitCode());

        var again = cli.run("skill", "install", "--dir", skills.toString(), "--launcher", "/b/quota-canvas");
        assertEquals(1, again.exitCode());
        assertTrue(again.stderr().contains("--force"), again.stderr());
        assertTrue(Files.readString(skills.resolve("quota-canvas/SKILL.md")).contains("/a/quota-canvas --prompt"));

        assertEquals(0, cli.run("skill", "install", "--dir", skills.toString(), "--launcher", "/b/quota-canvas", "--force")
                .exitCode());
        assertTrue(Files.readString(skills.resolve("quota-canvas/SKILL.md")).contains("/b/quota-canvas --prompt"));
    }

    @Test
    void anUnknownAgentIsAUsageError() {
        var run = new CliHarness(dir.resolve("home")).run("skill", "install", "--agent", "cursor");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("cursor") && run.stderr().contains("codex, claude or openclaw"), run.stderr());
    }
}
