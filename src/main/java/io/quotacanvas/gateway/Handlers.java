package io.quotacanvas.gateway;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.GatewayConfig;
import java.time.Clock;

/// Wires the gateway's parts for one application: the catalog, parser, endpoints and the handler. Stateless.
final class Handlers {
    private Handlers() {
    }

    static GatewayHandler build(QuotaCanvas app, GatewayConfig cfg, Authenticator auth, Workload workload) {
        Clock clock = Clock.systemUTC();
        GatewayContext ctx = new GatewayContext(workload, new GatewayMetrics(), new FileStore(cfg.fileTtl(), clock),
                new SecretScrubber(app.tokenPool()), cfg.maxBodyBytes(), cfg.publicUrl());
        ModelCatalog catalog = new ModelCatalog(app.config());
        ImagesEndpoint images = new ImagesEndpoint(ctx, app.engine(), new GenerationParser(app.config(), catalog),
                new NextReady(app.engine(), app.quotaStatus()), clock);
        ModelsEndpoint models = new ModelsEndpoint(catalog, app.quotaStatus(), clock.instant());
        return new GatewayHandler(ctx, auth, new Cors(cfg.cors()), images, models, app.quotaStatus());
    }
}
