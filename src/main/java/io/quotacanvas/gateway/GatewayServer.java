package io.quotacanvas.gateway;

import io.quotacanvas.GatewayLauncher;
import io.quotacanvas.GatewayLauncher.Refused;
import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.GatewayConfig;
import io.quotacanvas.token.vault.ApiKeyVault;
import io.quotacanvas.token.vault.VaultException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/// `quota-canvas serve`: the OpenAI-compatible images API on Jetty 12's core server, each request on its
/// own virtual thread, over the application's one [io.quotacanvas.pipeline.Engine] (so token slots, and the
/// per-token limit, are shared with every concurrent request) and its ledger and library.
///
/// [#start] refuses a non-loopback address without any API key. [#shutdown] stops taking requests, lets
/// running images finish for a grace period, cancels the rest (their clients get a 503) and stops the
/// server; the caller then closes the application (and so the ledger). Thread-safe.
public final class GatewayServer implements GatewayLauncher.Running {
    private static final Logger LOG = Logger.getLogger(GatewayServer.class.getName());
    /// After the grace period, how long cancelled requests get to write their answers.
    private static final Duration ANSWER_AFTER_CANCEL = Duration.ofSeconds(10);
    private static final int MAX_CONNECTIONS = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;
    private final Workload workload;
    private final boolean keysRequired;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private GatewayServer(Server server, ServerConnector connector, GracefulHandler graceful, Workload workload,
                          boolean keysRequired) {
        this.server = server;
        this.graceful = graceful;
        this.connector = connector;
        this.workload = workload;
        this.keysRequired = keysRequired;
    }

    /// Starts serving `app` on `host`:`port` (0 picks a free port).
    ///
    /// @throws Refused when the address is not loopback and no API key exists, the host is unknown
    ///         or the port is taken
    public static GatewayServer start(QuotaCanvas app, String host, int port) throws Refused {
        GatewayConfig cfg = app.config().gateway();
        ApiKeyVault vault = new ApiKeyVault(app.dirs().configDir(), Clock.systemUTC());
        boolean loopback = loopback(host);
        Authenticator auth = new Authenticator(cfg.apiKeys(), vault, loopback);
        boolean required;
        try {
            required = auth.hasKeys();
        } catch (VaultException e) {
            throw new Refused("Cannot read the gateway's keys: " + e.getMessage(), true);
        }
        if (!required && !loopback) {
            throw new Refused("Refusing to listen on " + host + " without an API key: anyone who can reach "
                    + "it could spend your quotas. Add one with 'quota-canvas gateway keys add' (or gateway.api_keys), "
                    + "or listen on 127.0.0.1.", true);
        }
        Workload workload = new Workload(cfg.maxQueue());
        GatewayHandler handler = Handlers.build(app, cfg, auth, workload);
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("quota-canvas-gateway");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("quota-canvas-gateway-request-", 0).factory()));
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        // counts the requests being answered, so a shutdown waits for their answers to be written
        GracefulHandler graceful = new GracefulHandler(handler);
        server.setHandler(graceful);
        server.setErrorHandler(new JettyErrors());
        // the shutdown waits for answers itself; the stop then only closes idle connections
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new Refused(startFailure(e, host, port), false);
        }
        LOG.info(() -> "gateway listening on " + host + ":" + connector.getLocalPort()
                + (required ? " (API key required)" : " (no API key: loopback only)"));
        return new GatewayServer(server, connector, graceful, workload, required);
    }

    /// `http://host:port` the gateway listens on.
    @Override
    public URI address() {
        String host = connector.getHost();
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + connector.getLocalPort());
    }

    /// Whether clients must send an API key (false only on loopback with no key anywhere).
    @Override
    public boolean keysRequired() {
        return keysRequired;
    }

    /// Requests in flight right now.
    public int inFlight() {
        return workload.inFlight();
    }

    /// Stops gracefully: no new requests; running ones finish within `grace`, then are cancelled and answered;
    /// then the server stops. Returns when it has; a second call waits for the first.
    @Override
    public void shutdown(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            workload.drain();
            connector.shutdown();
            if (!workload.awaitIdle(grace)) {
                LOG.info(() -> "grace period over: cancelling " + workload.inFlight() + " requests");
                workload.cancelAll("the gateway is shutting down");
                workload.awaitIdle(ANSWER_AFTER_CANCEL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workload.cancelAll("the gateway is shutting down");
        } finally {
            awaitAnswered();
            stopQuietly(server);
            stopped.countDown();
        }
    }

    /// Waits (briefly) until every answer in progress has been written; idle keep-alive connections are then
    /// simply closed by the stop, instead of holding it up.
    private void awaitAnswered() {
        long end = System.nanoTime() + ANSWER_AFTER_CANCEL.toNanos();
        while (graceful.getCurrentRequestCount() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /// Blocks until [#shutdown] has finished.
    @Override
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean loopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String startFailure(Exception e, String host, int port) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        String text = String.valueOf(cause.getMessage()) + " " + e.getMessage();
        if (text.contains("Cannot assign requested address")) {
            return "Cannot listen on " + host + ": it is not an address of this machine; use 127.0.0.1, 0.0.0.0 or"
                    + " one of its own addresses with --host.";
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return "Cannot listen on " + host + ": no such host name; use an address such as 127.0.0.1 with --host.";
        }
        if (cause instanceof BindException || e instanceof IOException && text.contains("Address already in use")) {
            return "Cannot listen on " + host + ":" + port + ": the port is in use or not allowed; pick another "
                    + "with --port.";
        }
        LOG.log(Level.WARNING, "gateway failed to start", e);
        return "Cannot listen on " + host + ":" + port + " (" + e.getClass().getSimpleName() + "); details are "
                + "in the log.";
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "gateway did not stop cleanly", e);
        }
    }
}
