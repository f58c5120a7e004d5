package io.quotacanvas.provider;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;

/// One provider's adapter: turns a [ProviderCall] into exactly one [Outcome].
///
/// Contract: `generate` blocks until the image is downloaded and verified, the call's deadline passes
/// (→ `Timeout`) or its [CallScope] is cancelled (→ `NetworkError` "cancelled"). It never throws for
/// I/O or provider misbehaviour, never follows a redirect with the token to another host, and never puts
/// the token in an outcome message. Implementations are thread-safe: one instance serves a whole batch.
public interface ImageProvider {

    ProviderId id();

    Outcome generate(ProviderCall call);
}
