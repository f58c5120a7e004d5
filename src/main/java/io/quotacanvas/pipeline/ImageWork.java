package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.provider.ProviderCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/// One image of a run: its lanes are the plan's providers in the image's rotation, each with the model
/// chain and the tokens starting at the image's own. A success is stored in the library (and at `--output`).
final class ImageWork extends Job {
    private static final Logger LOG = Logger.getLogger(ImageWork.class.getName());

    private final ImageRequest request;
    private final String promptFinal;
    private final long seed;
    private final ImageStorer storer;
    private final Map<io.quotacanvas.core.ProviderId, ImageProvider> adapters;
    private final long startNanos = System.nanoTime();
    final CompletableFuture<ImageResult> result = new CompletableFuture<>();

    ImageWork(long seq, int index, List<Lane> lanes, ImageRequest request, String promptFinal, long seed, int maxAttempts,
              CallScope scope, EngineListener listener, ImageStorer storer,
              Map<io.quotacanvas.core.ProviderId, ImageProvider> adapters) {
        super(seq, index, CallKind.IMAGE, lanes, maxAttempts, request.timeout(), scope, listener);
        this.request = request;
        this.promptFinal = promptFinal;
        this.seed = seed;
        this.storer = storer;
        this.adapters = adapters;
    }

    @Override
    AttemptStep step() {
        return AttemptStep.GENERATE;
    }

    @Override
    Reply send(Candidate c, Instant deadline, CallScope callScope) {
        ImageProvider adapter = adapters.get(c.lane().provider());
        if (c.token() != null && !c.token().isAnonymous() && !c.token().secret().sendable()) {
            return new Reply.Failed(Outcome.AuthFailed.unsendable());
        }
        Outcome outcome;
        try {
            outcome = adapter.generate(new ProviderCall(c.model().canonical(), c.model().providerModel(), settings(c),
                    c.token(), deadline, callScope));
        } catch (RuntimeException e) {
            // an adapter bug must not take the batch down, nor be blamed on the provider: it is logged
            // (without secrets) and the image moves on
            LOG.log(Level.SEVERE, "adapter " + c.lane().provider() + " threw " + e.getClass().getName(), e);
            return new Reply.Unusable(new Outcome.BadResponse(0, "internal error in the " + c.lane().name()
                    + " adapter (" + e.getClass().getSimpleName() + "); details are in the log"));
        }
        return switch (outcome) {
            case null -> new Reply.Failed(new Outcome.BadResponse(0, c.lane().name() + " adapter returned no outcome"));
            case Outcome.Success s -> new Reply.Answer(s, s.httpStatus(), s.quota());
            case Outcome.Failure f -> new Reply.Failed(f);
        };
    }

    /// The settings this image is sent with on `c`'s provider and model.
    GenerationSettings settings(Candidate c) {
        return ModelDefaults.settings(c.lane().config(), c.model().canonical(), request, promptFinal, seed);
    }

    @Override
    void succeed(Candidate c, Reply.Answer answer, List<AttemptRecord> chain, Executor workers) {
        ImageStorer.Made made = made(c, answer, chain);
        workers.execute(() -> {
            try {
                complete(storer.store(made));
            } catch (Throwable e) {
                // storing must never cost the image nor leave the run waiting: the bytes are rescued
                LOG.log(Level.SEVERE, "image " + (index + 1) + " could not be stored", e);
                complete(new ImageResult.Failed(index, ErrorType.STORAGE_ERROR, "The image was made but could not be"
                        + " stored (" + e.getClass().getSimpleName() + ")." + storer.rescue(made), request.prompt(),
                        chain, elapsedMs()));
            }
        });
    }

    @Override
    void lateAnswer(Candidate c, Reply.Answer answer, Executor workers) {
        ImageStorer.Made made = made(c, answer, List.copyOf(chain));
        workers.execute(() -> {
            try {
                String where = storer.keep(made);
                LOG.info(() -> "image " + (index + 1) + ": a late image from " + c.lane().name() + " was kept: "
                        + where);
            } catch (Throwable e) {
                LOG.log(Level.SEVERE, "a late image could not be kept", e);
                storer.rescue(made);
            }
        });
    }

    @Override
    void fail(ErrorType type, String message, List<AttemptRecord> chain) {
        complete(new ImageResult.Failed(index, type, message, request.prompt(), chain, elapsedMs()));
    }

    private ImageStorer.Made made(Candidate c, Reply.Answer answer, List<AttemptRecord> chain) {
        return new ImageStorer.Made(index, request, c.lane().provider(), c.model(), settings(c),
                (Outcome.Success) answer.value(), chain, elapsedMs());
    }

    private void complete(ImageResult r) {
        emit(new EngineEvent.ImageFinished(index, r));
        result.complete(r);
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
