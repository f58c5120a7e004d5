package io.quotacanvas.ui.service;

import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.provider.CallScope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/// What the studio needs from the core, in one small facade so view-models can be tested with a fake.
/// [CoreStudioServices] is the real one, over `QuotaCanvas`.
///
/// Every method except [#providers], [#optimizePromptByDefault], [#hint], [#clock] and [#folders] may block
/// (network, disk): call them through the task service only. Thread-safe.
public interface StudioServices extends AutoCloseable {

    /// The configured providers in routing order, enabled or not. Pure.
    List<ProviderInfo> providers();

    /// The config's `prompt.optimize`: where the studio's "Optimise prompt" starts. Pure.
    boolean optimizePromptByDefault();

    /// The provider's token figures at `now` (reads the ledger).
    ProviderStatus status(ProviderId provider, Instant now);

    /// Every (provider, model) pair of the enabled providers in routing order, with its readiness at `now`
    /// (reads the ledger): what a comparison can pick from.
    List<ModelReadiness> readiness(Instant now);

    /// The steps and guidance `provider` sends `model` with by default; for Auto (null) the first enabled
    /// provider offering the model, as routing tries it first. Pure.
    ModelHint hint(ProviderId provider, String model);

    /// Generates a batch and blocks until every image is stored (with `runId` in its metadata, null: none) or
    /// failed; events reach `listener` on
    /// worker threads. Cancelling `scope` stops live requests at once. Calls may overlap: the engine queues
    /// every call's images in the order they came and shares its slots between them.
    BatchResult generate(ImageRequest request, String runId, EngineListener listener, CallScope scope);

    /// [#generate(ImageRequest, String, EngineListener, CallScope)] without a run id.
    default BatchResult generate(ImageRequest request, EngineListener listener, CallScope scope) {
        return generate(request, null, listener, scope);
    }

    /// The image library.
    ImageStore images();

    /// The token vault, ledger and probes behind the token manager.
    TokenManager tokens();

    Folders folders();

    Clock clock();

    @Override
    void close();

    /// Where things live: `configFile` may not exist.
    record Folders(Path configFile, Path stateDir, Path libraryDir) {}
}
