package io.quotacanvas;

import io.quotacanvas.gateway.GatewayServer;
import java.net.URI;
import java.time.Duration;

/// The composition root's door from the command line's `serve` to the HTTP gateway, so that the two front
/// ends (`cli`, `gateway`) never import each other, as with the studio.
public final class GatewayLauncher {
    private GatewayLauncher() {
    }

    /// A started gateway. Thread-safe.
    public interface Running {
        /// `http://host:port` it listens on.
        URI address();

        /// Whether clients must send an API key.
        boolean keysRequired();

        /// Stops taking requests, lets running images finish within `grace`, cancels the rest and stops.
        void shutdown(Duration grace);

        /// Blocks until [#shutdown] has finished.
        void awaitStopped();
    }

    /// The gateway refused to start; `usage` is true when the config or flags are at fault.
    public static final class Refused extends Exception {
        private final boolean usage;

        public Refused(String message, boolean usage) {
            super(message);
            this.usage = usage;
        }

        public boolean usage() {
            return usage;
        }
    }

    /// Starts the gateway over `app` on `host`:`port` (0 picks a free port).
    ///
    /// @throws Refused when the address is not loopback and no API key exists, the host is unknown or the port
    ///         is taken
    public static Running start(QuotaCanvas app, String host, int port) throws Refused {
        return GatewayServer.start(app, host, port);
    }
}
