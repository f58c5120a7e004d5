package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.provider.CallScope;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/// One prompt step (translate or optimise) of a run, walking the text routes it was given. Its answer is
/// the cleaned text; any failure ends it with none (prompt work is fail-open).
final class TextWork extends Job {
    private final TextWalker.Task task;
    final CompletableFuture<TextWalker.Result> result = new CompletableFuture<>();

    TextWork(long seq, TextWalker.Task task, CallScope scope, EngineListener listener) {
        super(seq, -1, CallKind.TEXT, lanes(task), task.maxAttempts(), task.budget(), scope, listener);
        this.task = task;
    }

    private static List<Lane> lanes(TextWalker.Task task) {
        return task.routes().stream().map(r -> new Lane(r.provider(), r.config(),
                List.of(new ModelCandidate(r.model(), r.model())), r.tokens())).toList();
    }

    @Override
    AttemptStep step() {
        return task.step();
    }

    @Override
    Reply send(Candidate c, Instant deadline, CallScope callScope) {
        TextWalker.Route route = task.routes().get(c.laneIndex());
        return switch (task.call().ask(route, c.token(), deadline, callScope)) {
            case TextWalker.Reply.Text t -> new Reply.Answer(t.text(), 200, null);
            case TextWalker.Reply.Failed f -> new Reply.Failed(f.failure());
            case TextWalker.Reply.Unusable u -> new Reply.Unusable(u.failure());
        };
    }

    @Override
    void succeed(Candidate c, Reply.Answer answer, List<AttemptRecord> chain, Executor workers) {
        result.complete(new TextWalker.Result((String) answer.value(), chain));
    }

    @Override
    void lateAnswer(Candidate c, Reply.Answer answer, Executor workers) {
        // a second text for a step already answered is not needed; its attempt is in the chain
    }

    @Override
    void fail(ErrorType type, String message, List<AttemptRecord> chain) {
        result.complete(new TextWalker.Result(null, chain));
    }
}
