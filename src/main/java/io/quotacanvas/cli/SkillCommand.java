package io.quotacanvas.cli;

import picocli.CommandLine.Command;

/// `quota-canvas skill …`: the agent skill (a `SKILL.md` folder) that teaches coding agents this command.
@Command(name = "skill", mixinStandardHelpOptions = true,
        description = "The agent skill for Codex, Claude Code and OpenClaw: 'skill install' copies it into an "
                + "agent's skills folder, pointing at this quota-canvas.")
final class SkillCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
