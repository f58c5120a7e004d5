package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.prompt.FakeChatServer;
import io.quotacanvas.provider.huggingface.FakeGradioSpace;
import io.quotacanvas.testing.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// The README's quick start, run as written on a clean `QUOTA_CANVAS_HOME` (no config, no token): the only
/// change is `--config` moving Hugging Face's public Space and the keyless prompt endpoint to loopback ones,
/// so nothing leaves the machine.
/// And what `status` tells a newcomer.
class QuickStartTest {
    @TempDir
    Path home;
    @TempDir
    Path elsewhere;

    private FakeGradioSpace space;
    private FakeChatServer keyless;
    private CliHarness cli;
    private Path loopback;

    @BeforeEach
    void start() throws IOException {
        space = FakeGradioSpace.zImageTurbo();
        keyless = new FakeChatServer();
        cli = new CliHarness(home);
        cli.clock.set(Instant.now());
        // the router on a closed loopback port: with no token it must never be needed
        loopback = Files.writeString(elsewhere.resolve("loopback.yaml"), """
                prompt:
                  keyless: {url: %s}
                providers:
                  huggingface:
                    base_url: http://127.0.0.1:9/
                    spaces:
                      z-image-turbo: {url: %s, api_name: /generate}
                """.formatted(keyless.keylessUrl(), space.url()));
    }

    @AfterEach
    void stop() {
        space.close();
        keyless.close();
    }

    /// The `quota-canvas …` lines of the README's quick-start block, split as a shell would.
    static List<List<String>> quickStartCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Quick start"));
        String block = section.substring(section.indexOf("```sh") + 5, section.indexOf("```", section.indexOf("```sh") + 5));
        return block.lines().map(String::strip).filter(l -> l.startsWith("quota-canvas ")).map(QuickStartTest::words)
                .map(w -> w.subList(1, w.size())).toList();
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    @Test
    void theReadmesQuickStartMakesAnImageOnACleanHome() throws IOException {
        List<List<String>> commands = quickStartCommands();
        assertEquals(1, commands.size(), "the quick start is install + one quota-canvas command");
        List<String> args = new ArrayList<>(commands.getFirst());
        args.addAll(List.of("--config", loopback.toString()));

        var run = cli.run(args.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.stderr());
        Path saved = Path.of(run.stdout().strip());
        assertTrue(saved.startsWith(home.resolve("library")) && Files.size(saved) > 0, run.stdout());
        assertTrue(run.stderr().contains("hf anonymous"), "served by the public Space, anonymously: " + run.stderr());
        // with no token at all, the prompt is still optimised, as the seed does, by the keyless endpoint
        assertEquals(1, keyless.chats().size());
        assertEquals(null, keyless.chats().getFirst().authorization());
    }

    @Test
    void statusWithNothingConfiguredSaysWhatWorksAndHowToAddATokenInOneParagraph() {
        var text = cli.run("status", "--config", loopback.toString());
        assertEquals(0, text.exitCode(), text.stderr());
        String paragraph = text.stdout().substring(0, text.stdout().indexOf("\n\n"));
        String flat = paragraph.replace('\n', ' ');
        assertTrue(flat.startsWith("No tokens yet. Hugging Face's public Spaces work without a token: about 2"
                + " minutes of GPU time a day per IP address"), paragraph);
        assertTrue(flat.contains("https://huggingface.co/settings/tokens"), paragraph);
        assertTrue(flat.contains("https://modelscope.cn/my/myaccesstoken"), paragraph);
        assertTrue(flat.contains("quota-canvas tokens add --provider NAME < token.txt"), paragraph);
        assertTrue(paragraph.lines().allMatch(l -> l.length() <= 100), "wrapped for a terminal");

        JsonNode json = cli.run("status", "--json", "--config", loopback.toString()).json();
        assertEquals(flat, json.get("hint").asString());
        assertEquals(5, json.get("providers").size(), "the providers are all still there");
    }

    @Test
    void statusWithATokenKeepsToTheFigures() {
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "test-token-1");
        var text = cli.run("status", "--config", loopback.toString());
        assertTrue(text.stdout().startsWith("huggingface:"), text.stdout());
        JsonNode json = cli.run("status", "--json", "--config", loopback.toString()).json();
        assertNull(json.get("hint"), "the JSON keeps its usual shape");
    }
}
