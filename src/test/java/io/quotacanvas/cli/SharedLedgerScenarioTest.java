package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliProcess;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import io.quotacanvas.testing.TestPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// Separate command-line processes, each with its own home, sharing one ledger in a real PostgreSQL:
/// what one learns about a token the others know; a database that is down, or goes down mid-run, ends in a
/// classified `storage_error` naming the URL without its password, and no generated image is lost.
class SharedLedgerScenarioTest {
    private static final String SPENT = "gitee-token-one-0001";
    private static final String FRESH = "gitee-token-two-0002";

    @TempDir
    Path dir;

    private FakeImagesServer gitee;

    @BeforeEach
    void startProvider() {
        gitee = new FakeImagesServer(Flavor.GITEE);
    }

    @AfterEach
    void stopProvider() {
        gitee.close();
    }

    /// An install: its own home with a config naming the shared ledger; the password from the environment.
    private CliProcess install(String name, String ledgerUrl, String extraRouting) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("config.yaml"), """
                routing:
                  provider_order: [gitee]
                  %s
                ledger:
                  url: %s
                  password: ${QC_TEST_LEDGER_PASSWORD}
                  connect_timeout: 1s
                providers:
                  gitee:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 5s, overall: 10s}
                """.formatted(extraRouting, ledgerUrl, gitee.baseUrl()));
        return new CliProcess(home, Map.of("QUOTA_CANVAS_GITEE_TOKENS", SPENT + "," + FRESH,
                "QC_TEST_LEDGER_PASSWORD", TestPostgres.PASSWORD));
    }

    @Test
    void aTokenOneInstallFoundSpentIsSkippedByAnother() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.url(pg.newDatabase());
        CliProcess first = install("first", url, "");
        CliProcess second = install("second", url, "");
        gitee.script(SPENT, Reply.QUOTA);

        CliProcess.Result one = first.run("--prompt", "lanterns", "--json", "--no-optimize-prompt");
        CliProcess.Result two = second.run("--prompt", "a harbour", "--json", "--no-optimize-prompt");

        assertEquals(0, one.exitCode(), one.stdout() + one.stderr());
        assertEquals(0, two.exitCode(), two.stdout() + two.stderr());
        assertEquals("gitee#1 …0001", one.json().get("attempts").get(0).get("token").asString());
        assertEquals("quota_exhausted", one.json().get("attempts").get(0).get("outcome").asString());
        assertEquals(1, gitee.requestsWithToken(SPENT), "the second install must not send the spent token");
        assertEquals(2, gitee.requestsWithToken(FRESH));
        assertTrue(two.json().get("fallback_chain").toString().contains("gitee#1 …0001"),
                "the second install shows why it skipped the spent token: " + two.json().get("fallback_chain"));

        CliProcess.Result status = second.run("status", "--json");
        assertEquals(0, status.exitCode(), status.stderr());
        assertEquals("PostgreSQL " + url, status.json().get("ledger").asString());
        JsonNode giteeStatus = status.json().get("providers").get(0);
        assertEquals(1, giteeStatus.get("tokens").get("cooling").asInt());
        CliProcess.Result text = second.run("status", "--provider", "gitee");
        assertTrue(text.stdout().endsWith("\nledger: PostgreSQL " + url + "\n"), text.stdout());
        assertNoSecrets(one, two, status, text);
    }

    @Test
    void perTokenConcurrencyHoldsAcrossProcesses() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        String url = pg.url(pg.newDatabase());
        gitee.latency(java.time.Duration.ofMillis(400));
        CliProcess first = install("left", url, "");
        CliProcess second = install("right", url, "");

        // two installs at once, each with a batch of four over the same two tokens (one request per token)
        CliProcess.Started a = first.start("--prompt", "lanterns", "--count", "4", "--json", "--no-optimize-prompt");
        CliProcess.Started b = second.start("--prompt", "a harbour", "--count", "4", "--json",
                "--no-optimize-prompt");
        CliProcess.Result one = a.await();
        CliProcess.Result two = b.await();

        assertEquals(0, one.exitCode(), one.stdout() + one.stderr());
        assertEquals(0, two.exitCode(), two.stdout() + two.stderr());
        assertEquals(1, gitee.maxInFlight(SPENT), "never two requests in flight on one token, whichever process");
        assertEquals(1, gitee.maxInFlight(FRESH), "never two requests in flight on one token, whichever process");
        assertEquals(8, gitee.generationRequests().size());
    }

    @Test
    void aDatabaseThatIsDownIsAStorageErrorNamingTheUrlWithoutItsPassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "postgresql://alice:" + TestPostgres.PASSWORD + "@127.0.0.1:" + closed + "/quota_canvas";
        Path home = Files.createDirectories(dir.resolve("down"));
        Files.writeString(home.resolve("config.yaml"), "ledger:\n  url: " + url + "\n  connect_timeout: 1s\n");
        CliProcess cli = new CliProcess(home, Map.of("QUOTA_CANVAS_GITEE_TOKENS", FRESH));

        CliProcess.Result json = cli.run("--prompt", "x", "--json", "--no-optimize-prompt");
        CliProcess.Result text = cli.run("status");

        assertEquals(1, json.exitCode());
        assertEquals("storage_error", json.json().get("error_type").asString());
        String shown = "postgresql://alice@127.0.0.1:" + closed + "/quota_canvas";
        assertEquals("ledger database " + shown + " can't be reached (connection refused), so Quota Canvas could"
                + " not connect to it; check that PostgreSQL is running there and reachable from this machine; or"
                + " remove ledger.url from the config to use this machine's own ledger file",
                json.json().get("error").asString());
        assertEquals("", json.stderr());
        assertEquals(1, text.exitCode());
        assertTrue(text.stderr().startsWith("ledger database " + shown + " can't be reached"), text.stderr());
        assertEquals(0, gitee.generationRequests().size());
        assertNoSecrets(json, text);
    }

    @Test
    void aDatabaseThatGoesDownMidRunKeepsTheImageMadeAndStopsTheNextWithAStorageError() throws Exception {
        try (TestPostgres own = TestPostgres.start()) {
            String url = own.url(own.newDatabase());
            CliProcess cli = install("midrun", url, "max_parallel: 1");
            gitee.latency(Duration.ofMillis(1500));

            CliProcess.Started run = cli.start("--prompt", "two foxes", "--count", "2", "--json",
                    "--no-optimize-prompt");
            long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (gitee.generationRequests().isEmpty() && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            own.stop(); // while the first image is being generated
            CliProcess.Result result = run.await();

            assertEquals(3, result.exitCode(), result.stdout() + result.stderr());
            JsonNode images = result.json().get("images");
            JsonNode made = images.get(0);
            JsonNode stopped = images.get(1);
            assertTrue(made.has("saved_path"), made.toString());
            assertTrue(Files.isRegularFile(Path.of(made.get("saved_path").asString())), "the image is kept");
            assertEquals("storage_error", stopped.get("error_type").asString(), stopped.toString());
            assertTrue(stopped.get("error").asString().startsWith("ledger database " + url), stopped.toString());
            assertEquals(1, gitee.generationRequests().size(), "nothing is sent without the ledger");
            assertEquals(1, pngs(dir.resolve("midrun")).size());
            assertNoSecrets(result);
        }
    }

    private static List<Path> pngs(Path home) throws Exception {
        try (Stream<Path> files = Files.walk(home.resolve("library"))) {
            return files.filter(p -> p.toString().endsWith(".png")).toList();
        }
    }

    private static void assertNoSecrets(CliProcess.Result... results) {
        for (CliProcess.Result r : results) {
            for (String output : List.of(r.stdout(), r.stderr())) {
                assertFalse(output.contains(TestPostgres.PASSWORD), "password in output: " + output);
                assertFalse(output.contains(SPENT) || output.contains(FRESH), "token in output: " + output);
                assertFalse(output.contains("\tat ") || output.contains("Exception"), "stack trace: " + output);
            }
        }
    }
}
