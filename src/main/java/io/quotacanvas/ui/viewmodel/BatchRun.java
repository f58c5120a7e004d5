package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.provider.CallScope;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// One running batch as the studio follows it: its cancel scope, and a live chain per image that grows
/// as engine events arrive. FX thread only (events are handed over by the task service).
final class BatchRun {
    final long id;
    final String prompt;
    final CallScope scope = new CallScope();
    private final List<ObservableList<ChainRow>> chains = new ArrayList<>();
    private int finished;
    private int generated;

    BatchRun(long id, String prompt, int count) {
        this.id = id;
        this.prompt = prompt;
        for (int i = 0; i < count; i++) {
            chains.add(FXCollections.observableArrayList());
        }
    }

    int count() {
        return chains.size();
    }

    int finished() {
        return finished;
    }

    int generated() {
        return generated;
    }

    String key(int index) {
        return id + ":" + index;
    }

    ObservableList<ChainRow> chain(int index) {
        return chains.get(Math.clamp(index, 0, chains.size() - 1));
    }

    /// Records an event in the image's chain; returns the step text for its tile, or null if unchanged.
    String apply(EngineEvent event) {
        if (event instanceof EngineEvent.CandidateSkipped k && k.imageIndex() < 0) {
            // what the plan left out is announced once per batch; every image's chain lists it, as stored ones do
            chains.forEach(chain -> chain.add(ChainRow.of(k.skip())));
            return null;
        }
        if (event.imageIndex() < 0 || event.imageIndex() >= chains.size()) {
            return null;
        }
        ObservableList<ChainRow> chain = chains.get(event.imageIndex());
        return switch (event) {
            case EngineEvent.AttemptStarted s -> {
                chain.add(ChainRow.running(s.step().wireName(), s.provider(), s.model(), s.tokenLabel()));
                yield ProviderId.nameOf(s.provider()) + " · " + s.model() + (s.tokenLabel() == null ? "" : " · " + s.tokenLabel());
            }
            case EngineEvent.AttemptFinished f -> {
                finish(chain, ChainRow.of(f.attempt()));
                yield null;
            }
            case EngineEvent.CandidateSkipped k -> {
                chain.add(ChainRow.of(k.skip()));
                yield null;
            }
            case EngineEvent.ImageFinished done -> {
                finished++;
                if (done.result() instanceof ImageResult.Generated) {
                    generated++;
                }
                chain.replaceAll(r -> r.kind() == ChainRow.Kind.RUNNING ? r.cancelled() : r);
                yield null;
            }
            default -> null;
        };
    }

    private static void finish(ObservableList<ChainRow> chain, ChainRow done) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (done.finishes(chain.get(i))) {
                chain.set(i, done);
                return;
            }
        }
        chain.add(done);
    }
}
