package io.quotacanvas.provider;

import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.Token;
import java.time.Instant;

/// Everything an adapter needs for one attempt.
///
/// `providerModel` is the provider's own model id (from the config's model map); `canonicalModel` is ours.
/// `token` may be the anonymous pseudo-token. `deadline` is the latest instant the attempt may run to.
public record ProviderCall(String canonicalModel, String providerModel, GenerationSettings settings, Token token,
                           Instant deadline, CallScope scope) {}
