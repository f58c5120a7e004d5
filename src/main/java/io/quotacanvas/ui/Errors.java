package io.quotacanvas.ui;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.token.ledger.LedgerException;
import io.quotacanvas.token.vault.VaultException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/// Turns the failures people can act on into readable messages; anything else is a bug, shown by the
/// unexpected-error dialog (with the details folded away) and logged.
public final class Errors {
    private Errors() {
    }

    /// The message to show for `error`, or empty when it is unexpected (a programming error).
    public static Optional<String> readable(Throwable error, I18n i18n) {
        Throwable e = unwrap(error);
        return switch (e) {
            case ConfigException c -> Optional.of(i18n.get("error.config", c.getMessage()));
            case QuotaCanvas.StartupException s -> Optional.of(i18n.get("error.startup", s.getMessage()));
            case LibraryException l -> Optional.of(i18n.get("error.library", l.getMessage()));
            case LedgerException l -> Optional.of(i18n.get("error.ledger", l.getMessage()));
            case VaultException v -> Optional.of(i18n.get("error.vault", v.getMessage()));
            case IOException io -> Optional.of(i18n.get("error.io", String.valueOf(io.getMessage())));
            case UncheckedIOException io -> Optional.of(i18n.get("error.io", String.valueOf(io.getMessage())));
            default -> Optional.empty();
        };
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
