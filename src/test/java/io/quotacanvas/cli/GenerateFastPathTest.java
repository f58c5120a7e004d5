package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.QuotaCanvas;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/// The fast path reads a plain generate call exactly as picocli does, and leaves everything else to picocli.
class GenerateFastPathTest {
    private static final CliContext CONTEXT = new CliContext(Map.of(), Clock.systemUTC(), QuotaCanvas::open);

    private static String fields(GenerateCommand c) {
        return List.of(String.valueOf(c.prompt), c.provider, String.valueOf(c.model), c.aspectRatio,
                String.valueOf(c.seed), String.valueOf(c.steps), String.valueOf(c.guidanceScale),
                String.valueOf(c.enableHd), String.valueOf(c.optimizePrompt), String.valueOf(c.autoTranslate),
                String.valueOf(c.config), String.valueOf(c.output), String.valueOf(c.count), String.valueOf(c.json),
                String.valueOf(c.timeoutSeconds), String.valueOf(c.quiet)).toString();
    }

    private static GenerateCommand picocli(String... args) {
        GenerateCommand cmd = new GenerateCommand(CONTEXT);
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void plainCallsAreReadExactlyAsPicocliReadsThem() {
        List<String[]> calls = List.of(
                new String[] {"--prompt", "a red fox in snow", "--json"},
                new String[] {"--prompt=a fox", "--provider", "gitee", "--model=flux-schnell", "--aspect-ratio", "16:9"},
                new String[] {"--prompt", "x", "--seed", "42", "--steps", "9", "--guidance-scale", "3.5", "--enable-hd"},
                new String[] {"--prompt", "status", "--no-optimize-prompt", "--auto-translate", "--count", "4"},
                new String[] {"--prompt", "", "--config", "/tmp/c.yaml", "--output", "out.png", "--timeout", "2.5"},
                new String[] {"--quiet", "--optimize-prompt", "--no-auto-translate", "--prompt", "一只红狐狸"},
                new String[] {"--json"},
                new String[] {"--prompt", "x", "--seed", "007", "--timeout=30"});
        for (String[] args : calls) {
            Optional<GenerateCommand> fast = GenerateFastPath.parse(args, CONTEXT);
            assertTrue(fast.isPresent(), List.of(args) + " should take the fast path");
            assertEquals(fields(picocli(args)), fields(fast.get()), List.of(args).toString());
        }
    }

    @Test
    void anythingUnusualIsLeftToPicocli() {
        List<String[]> calls = List.of(
                new String[] {"--help"}, new String[] {"-h"}, new String[] {"--version"},
                new String[] {"status", "--json"}, new String[] {"tokens", "list"},
                new String[] {"--prompt", "a", "--prompt", "b"},
                new String[] {"--optimize-prompt", "--no-optimize-prompt", "--prompt", "a"},
                new String[] {"--prompt"}, new String[] {"--prompt", "--json"}, new String[] {"--prompt", "-x"},
                new String[] {"--prompt", "a", "--bogus"}, new String[] {"--prompt", "a", "stray"},
                new String[] {"@args.txt"}, new String[] {"--prompt", "@file"},
                new String[] {"--prompt", "a", "--seed", "-1"}, new String[] {"--prompt", "a", "--seed", "1e3"},
                new String[] {"--prompt", "a", "--count", "x"}, new String[] {"--prompt", "a", "--timeout", "NaN"},
                new String[] {"--prompt", "a", "--json=true"}, new String[] {"--prompt", "a", "--"},
                new String[] {"--prompt", "a", "--guidance-scale", "0x10"});
        for (String[] args : calls) {
            assertTrue(GenerateFastPath.parse(args, CONTEXT).isEmpty(), List.of(args) + " must go to picocli");
        }
    }
}
