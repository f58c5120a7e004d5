package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.Outcome;

/// One step of a multi-request flow: a value to carry on with, or the failure that ends the attempt.
sealed interface Step<T> {

    record Ok<T>(T value) implements Step<T> {}

    record Failed<T>(Outcome.Failure failure) implements Step<T> {}

    static <T> Step<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Step<T> failed(Outcome.Failure failure) {
        return new Failed<>(failure);
    }
}
