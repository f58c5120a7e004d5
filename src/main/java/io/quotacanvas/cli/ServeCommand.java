package io.quotacanvas.cli;

import io.quotacanvas.GatewayLauncher;
import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.GatewayConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `quota-canvas serve [--config F] [--host H] [--port P]`: runs the OpenAI-compatible images gateway until
/// SIGTERM or Ctrl-C, then stops taking requests, lets running images finish within `gateway.shutdown_grace`,
/// cancels the rest and closes the ledger before the process ends.
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves the OpenAI Images API (POST /v1/images/generations, GET /v1/models) over your "
                + "pooled tokens, so apps that speak it can use your free quotas. Stops on SIGTERM or Ctrl-C.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped after serving", "1:could not listen (port in use…)",
                "2:bad flags or config, or a public address without an API key"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default: gateway.host, 127.0.0.1). Anything but loopback needs an API key.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: gateway.port, 8787; 0 picks a free one).")
    Integer port;

    private final CliContext context;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Output io = new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
        GenerateCommand.Reporter reporter = new GenerateCommand.Reporter(io, Globals.json(spec));
        if (port != null && (port < 0 || port > 65_535)) {
            return reporter.usageError("--port must be from 0 to 65535 (got " + port + ").");
        }
        if (host != null && host.isBlank()) {
            return reporter.usageError("--host must not be empty.");
        }
        CountDownLatch closed = new CountDownLatch(1);
        try (QuotaCanvas app = context.opener().open(Globals.config(spec), context.env(), context.clock())) {
            GatewayConfig cfg = app.config().gateway();
            GatewayLauncher.Running gateway = GatewayLauncher.start(app, host != null ? host.strip() : cfg.host(),
                    port != null ? port : cfg.port());
            announce(io, gateway, cfg);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("quota-canvas-gateway-stop").unstarted(
                    () -> stop(io, gateway, cfg.shutdownGrace(), closed)));
            gateway.awaitStopped();
        } finally {
            closed.countDown();
        }
        return ExitCode.ALL;
    }

    private static void announce(Output io, GatewayLauncher.Running gateway, GatewayConfig cfg) {
        io.out().println("Quota Canvas gateway: " + gateway.address() + "/v1 (OpenAI Images API)");
        io.out().flush();
        io.err().println(gateway.keysRequired()
                ? "Clients must send an API key (Authorization: Bearer KEY)."
                : "No API key is set: requests from this machine are allowed without one (only loopback is served). "
                + "Add a key with 'quota-canvas gateway keys add'.");
        io.err().println("Every image is also kept in the library. Stop with Ctrl-C or SIGTERM (running images get "
                + cfg.shutdownGrace().toSeconds() + " s to finish).");
        io.err().flush();
    }

    /// The shutdown hook: stop the gateway, then wait until the main thread has closed the application (the
    /// ledger), so the process ends only after that.
    private static void stop(Output io, GatewayLauncher.Running gateway, Duration grace, CountDownLatch closed) {
        io.err().println("Stopping: no new requests; running images get up to " + grace.toSeconds() + " s…");
        io.err().flush();
        gateway.shutdown(grace);
        try {
            if (closed.await(30, TimeUnit.SECONDS)) {
                io.err().println("Stopped; the ledger is closed.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.err().flush();
    }
}
