package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.prompt.FakeChatServer;
import io.quotacanvas.testing.CliHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Regression: with no route an image could take (no token for the provider asked for), the prompt was
/// still sent to the keyless third party to be optimised, twice, before the run failed with no_provider.
class NoRouteNoPromptTest {
    @TempDir
    Path home;

    @Test
    void withNoRouteForTheImageThePromptGoesNowhere() {
        try (FakeChatServer keyless = new FakeChatServer()) {
            CliHarness cli = new CliHarness(home);
            cli.config("""
                    prompt:
                      keyless: {enabled: true, url: %s, model: openai-fast}
                    providers:
                      gitee:
                        tokens: []
                    """.formatted(keyless.keylessUrl()));

            var run = cli.run("--prompt", "a red fox in snow", "--provider", "gitee", "--json");

            assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
            assertEquals("no_provider", run.json().get("error_type").asString());
            assertTrue(run.json().get("error").asString().contains("gitee: no tokens configured"), run.stdout());
            assertTrue(keyless.requests().isEmpty(), "the prompt left for the third party for nothing");
        }
    }
}
