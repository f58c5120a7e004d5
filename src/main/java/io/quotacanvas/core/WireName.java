package io.quotacanvas.core;

import java.util.Locale;
import java.util.Optional;

/// An enum named on the wire by its constant in snake_case (`QUOTA_EXHAUSTED` → `quota_exhausted`): the
/// JSON contract's steps, outcomes, failure classes and error types.
public interface WireName {

    String name();

    /// The name in the JSON contract.
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// The constant of `type` whose wire name is `wire`, if any.
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wire) {
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
