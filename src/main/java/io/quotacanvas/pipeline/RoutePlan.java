package io.quotacanvas.pipeline;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import java.util.ArrayList;
import java.util.List;

/// The providers an image may try, in order, each with its model candidates and tokens, plus what was
/// left out and why. Immutable.
public record RoutePlan(List<ProviderRoute> routes, List<AttemptRecord> skipped, boolean auto) {

    /// One provider's part of the plan. `tokens` may include the anonymous pseudo-token last.
    public record ProviderRoute(ProviderId provider, ProviderConfig config, List<ModelCandidate> models,
                                List<Token> tokens) {}

    /// A canonical model and the provider's own id for it.
    public record ModelCandidate(String canonical, String providerModel) {}

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /// The routes for the `index`-th image of a batch: in auto mode the start provider rotates so that a
    /// batch spreads over providers; a named provider has one route anyway.
    public List<ProviderRoute> routesFor(int index) {
        if (!auto || routes.size() < 2) {
            return routes;
        }
        int start = Math.floorMod(index, routes.size());
        List<ProviderRoute> rotated = new ArrayList<>(routes.subList(start, routes.size()));
        rotated.addAll(routes.subList(0, start));
        return rotated;
    }
}
