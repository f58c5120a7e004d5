package io.quotacanvas.pipeline;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.Library;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Clock;
import java.util.Map;

/// The long-lived collaborators every image job shares. Immutable holder; the parts are thread-safe.
///
/// Two clocks: `clock` dates what the ledger remembers (cooling instants, resets) and may be moved by
/// tests; `timer` is the real clock that deadlines are measured on, because adapters and HTTP timeouts
/// live in real time.
record EngineContext(AppConfig config, Map<ProviderId, ImageProvider> providers, Ledger ledger, Library library,
                     TokenSlots slots, ProviderHealth health, Clock clock, Clock timer) {}
