package io.quotacanvas.provider.modelscope;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.Exchange;
import io.quotacanvas.provider.ImageDecoding;
import io.quotacanvas.provider.IoFailures;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import io.quotacanvas.provider.modelscope.ModelScopeTasks.Submitted;
import io.quotacanvas.provider.modelscope.ModelScopeTasks.TaskState;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Request;

/// One ModelScope attempt: submit, poll until the task ends, download. Keeps the attempt's latest
/// rate-limit figures and its effective deadline. Not thread-safe: one per call.
final class TaskAttempt {
    /// Longest single sleep between checks of the call's scope, so cancelling stops polling at once.
    private static final Duration SLICE = Duration.ofMillis(25);

    private final ProviderConfig config;
    private final ProviderHttp http;
    private final Duration pollInterval;
    private final ProviderCall call;
    private final Instant deadline;
    private QuotaSnapshot quota;

    TaskAttempt(ProviderConfig config, ProviderHttp http, Duration pollInterval, ProviderCall call) {
        this.config = config;
        this.http = http;
        this.pollInterval = pollInterval;
        this.call = call;
        this.deadline = deadline(config, call, http.clock().instant());
    }

    Outcome run() {
        Exchange exchange = send(ModelScopeRequests.submit(config, call));
        if (!(exchange instanceof Exchange.Reply reply)) {
            return ((Exchange.Failed) exchange).failure();
        }
        if (!reply.isSuccessful()) {
            return ModelScopeFailures.classify(reply.status(), reply.headers(), reply.text(), now());
        }
        return switch (ModelScopeTasks.parseSubmit(reply.status(), reply.body())) {
            case Submitted.Invalid invalid -> invalid.failure();
            case Submitted.Task task -> poll(task.id(), now());
        };
    }

    private Outcome poll(String taskId, Instant submittedAt) {
        Request request = ModelScopeRequests.poll(config, taskId, call.token());
        while (true) {
            Outcome.Failure stop = pause();
            if (stop != null) {
                return stop;
            }
            Exchange exchange = send(request);
            if (!(exchange instanceof Exchange.Reply reply)) {
                Outcome.Failure failure = ((Exchange.Failed) exchange).failure();
                // the deadline fell during a poll rather than between two: the task still didn't finish
                return failure instanceof Outcome.Timeout && !now().isBefore(deadline) ? notFinished() : failure;
            }
            boolean young = now().isBefore(submittedAt.plus(ModelScopeProvider.NOT_FOUND_GRACE));
            Outcome outcome = reply.isSuccessful() ? taskAnswer(reply, young) : pollError(reply, young);
            if (outcome != null) {
                return outcome;
            }
        }
    }

    /// The outcome a 2xx poll answer decides, or null to poll again.
    private Outcome taskAnswer(Exchange.Reply reply, boolean young) {
        return switch (ModelScopeTasks.parseTask(reply.status(), reply.body())) {
            case TaskState.Running running -> null;
            // just after submit the task may not be visible yet
            case TaskState.Failed f when young && ModelScopeTasks.saysTaskNotFound(f.message()) -> null;
            case TaskState.Failed f -> ModelScopeFailures.failedTask(reply.status(), f.message());
            case TaskState.Invalid invalid -> invalid.failure();
            case TaskState.Succeeded done -> download(done.image(), reply.status());
        };
    }

    /// The outcome a non-2xx poll answer decides, or null to poll again.
    private Outcome pollError(Exchange.Reply reply, boolean young) {
        boolean notFound = reply.status() == 404 || ModelScopeTasks.saysTaskNotFound(reply.text());
        if (notFound && young) {
            return null;
        }
        if (notFound) {
            return new Outcome.ProviderError(reply.status(), "the provider lost the generation task (task not"
                    + " found " + ModelScopeProvider.NOT_FOUND_GRACE.toSeconds() + " s after submit)");
        }
        return ModelScopeFailures.classify(reply.status(), reply.headers(), reply.text(), now());
    }

    private Outcome download(HttpUrl url, int taskStatus) {
        Outcome outcome = switch (http.fetchImage(url, call)) {
            case Exchange.Failed failed -> failed.failure();
            // the file host is struggling: worth a retry
            case Exchange.Reply r when r.status() >= 500 -> new Outcome.ProviderError(r.status(),
                    "image download from " + url.host() + " failed (HTTP " + r.status() + ")");
            // an expired or bogus result link: the provider's answer was unusable
            case Exchange.Reply r when !r.isSuccessful() -> new Outcome.BadResponse(r.status(),
                    "image URL from the provider answered HTTP " + r.status());
            case Exchange.Reply r -> ImageDecoding.decode(r.body(), r.contentType(), url.toString(), taskStatus);
        };
        if (outcome instanceof Outcome.Success s && quota != null && !quota.isEmpty()) {
            return s.withQuota(quota);
        }
        return outcome;
    }

    /// Sends a signed request under the attempt's deadline and notes the rate-limit figures of any reply.
    private Exchange send(Request request) {
        Exchange exchange = http.execute(request, call.scope(), deadline, http.limits().jsonBytes());
        if (exchange instanceof Exchange.Reply reply) {
            quota = RateLimitHeaders.merge(quota, RateLimitHeaders.read(reply.headers()));
        }
        return exchange;
    }

    /// Waits one poll interval in short slices; a failure when the scope is cancelled or the deadline passes.
    private Outcome.Failure pause() {
        Instant wakeAt = now().plus(pollInterval);
        while (true) {
            CallScope scope = call.scope();
            if (scope != null && scope.isCancelled()) return IoFailures.cancelled(scope);
            Instant now = now();
            if (!now.isBefore(deadline)) return notFinished();
            if (!now.isBefore(wakeAt)) return null;
            Duration left = Duration.between(now, wakeAt.isBefore(deadline) ? wakeAt : deadline);
            try {
                Thread.sleep(left.compareTo(SLICE) < 0 ? left : SLICE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.NetworkError.cancelled("interrupted");
            }
        }
    }

    private static Outcome.Timeout notFinished() {
        return new Outcome.Timeout("the generation task did not finish before the attempt's deadline");
    }

    private Instant now() {
        return http.clock().instant();
    }

    /// The call's deadline, capped by the provider's overall timeout from now (a call may carry none).
    private static Instant deadline(ProviderConfig config, ProviderCall call, Instant now) {
        Duration overall = config.timeouts() == null ? null : config.timeouts().overall();
        Instant cap = overall == null || overall.isZero() || overall.isNegative() ? null : now.plus(overall);
        if (call.deadline() == null) {
            return cap != null ? cap : now.plus(Duration.ofMinutes(10));
        }
        return cap != null && cap.isBefore(call.deadline()) ? cap : call.deadline();
    }
}
