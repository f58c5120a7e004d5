package io.quotacanvas.token.probe;

import io.quotacanvas.core.Token;

/// A cheap check of one token that spends no image quota where the provider allows it.
///
/// `probe` blocks on the network (run it off the UI thread), never throws for network or provider trouble
/// and is thread-safe. The token is only ever sent to its own provider's host.
@FunctionalInterface
public interface TokenProbe {

    ProbeResult probe(Token token);

    /// The probe of a provider with no free check: says so, sends nothing.
    static TokenProbe none(String providerName) {
        return token -> new ProbeResult(ProbeResult.Kind.NO_PROBE,
                "no free probe for " + providerName + "; the next image request will tell", 0);
    }
}
