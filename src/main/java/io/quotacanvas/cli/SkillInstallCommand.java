package io.quotacanvas.cli;

import io.quotacanvas.config.AppDirs;
import io.quotacanvas.storage.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `quota-canvas skill install [--agent NAME…] [--dir DIR] [--launcher CMD] [--force]`: writes the skill
/// folder `quota-canvas/` (its `SKILL.md` pointing at this launcher) into agents' skills folders.
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Installs the quota-canvas skill for coding agents. Without --agent or --dir it installs for "
                + "every agent found in your home folder: Codex (~/.codex/skills), Claude Code (~/.claude/skills), "
                + "OpenClaw (~/.openclaw/skills).",
                "The skill's commands run this quota-canvas (its absolute path), so reinstall after moving it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:installed", "1:nothing installed (no agent found, or the skill exists: use --force)",
                "2:bad flags"})
final class SkillInstallCommand implements Callable<Integer> {
    private static final Map<String, String> AGENTS = Map.of("codex", ".codex", "claude", ".claude",
            "openclaw", ".openclaw");

    @Spec
    CommandSpec spec;

    @Option(names = "--agent", paramLabel = "NAME", split = ",",
            description = "codex, claude or openclaw (repeatable; default: every agent found).")
    List<String> agents = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR",
            description = "A skills folder to install into instead (the skill goes to DIR/quota-canvas).")
    Path dir;

    @Option(names = "--launcher", paramLabel = "CMD",
            description = "The command the skill should run (default: this quota-canvas).")
    String launcher;

    @Option(names = "--force", description = "Replace a skill installed before.")
    boolean force;

    private final CliContext context;

    SkillInstallCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Output io = new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
        List<Path> targets;
        try {
            targets = targets();
        } catch (IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return ExitCode.USAGE;
        }
        if (targets.isEmpty()) {
            io.err().println("No agent found (~/.codex, ~/.claude, ~/.openclaw); name one with --agent or give a "
                    + "skills folder with --dir.");
            return ExitCode.NONE;
        }
        String command = launcher != null && !launcher.isBlank() ? launcher.strip() : SkillFiles.launcher(context.env());
        int installed = 0;
        for (Path skills : targets) {
            installed += install(skills.resolve(SkillFiles.NAME), command, io) ? 1 : 0;
        }
        io.out().flush();
        io.err().flush();
        return installed == targets.size() ? ExitCode.ALL : ExitCode.NONE;
    }

    private List<Path> targets() {
        if (dir != null) {
            if (!agents.isEmpty()) {
                throw new IllegalArgumentException("Give --agent or --dir, not both.");
            }
            return List.of(dir.toAbsolutePath().normalize());
        }
        Path home = AppDirs.userHome(context.env());
        List<Path> out = new ArrayList<>();
        for (String agent : agents.isEmpty() ? List.of("codex", "claude", "openclaw") : agents) {
            String folder = AGENTS.get(agent.toLowerCase(Locale.ROOT).strip());
            if (folder == null) {
                throw new IllegalArgumentException("Unknown --agent '" + agent + "'; use codex, claude or openclaw.");
            }
            if (!agents.isEmpty() || Files.isDirectory(home.resolve(folder))) {
                out.add(home.resolve(folder).resolve("skills"));
            }
        }
        return out;
    }

    private boolean install(Path target, String command, Output io) {
        if (Files.exists(target.resolve("SKILL.md")) && !force) {
            io.err().println(target + " exists already; add --force to replace it.");
            return false;
        }
        try {
            for (String file : SkillFiles.FILES) {
                AtomicFiles.write(target.resolve(file),
                        SkillFiles.render(SkillFiles.read(file), command).getBytes(StandardCharsets.UTF_8));
            }
            io.out().println("Installed the quota-canvas skill in " + target + " (runs: " + command + ")");
            return true;
        } catch (IOException e) {
            io.err().println("Could not write " + target + ": " + e.getMessage());
            return false;
        }
    }
}
