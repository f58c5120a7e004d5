package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/// The vault file (`tokens.json` in the config folder), an [OwnerOnlyFile]: created owner-only (0600),
/// written atomically and durably, refused on read when other users may read it, updates serialised within
/// the process and across processes (an OS lock on `tokens.json.lock`). Thread-safe.
final class VaultFile {
    static final String NAME = "tokens.json";

    private final OwnerOnlyFile file;

    VaultFile(Path file) {
        this.file = new OwnerOnlyFile(file);
    }

    Path path() {
        return file.path();
    }

    boolean posix() {
        return file.posix();
    }

    /// Every entry, per provider in rotation order; empty when the file doesn't exist yet.
    Map<ProviderId, List<StoredEntry>> read() {
        try {
            return VaultCodec.decode(file.read(), file.path());
        } catch (NoSuchFileException e) {
            return VaultCodec.empty();
        } catch (IOException e) {
            throw new VaultException("could not read the token vault " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /// Reads, applies `change` and writes the result, holding the vault's lock throughout.
    Map<ProviderId, List<StoredEntry>> update(UnaryOperator<Map<ProviderId, List<StoredEntry>>> change) {
        try {
            return file.update(() -> {
                Map<ProviderId, List<StoredEntry>> next = change.apply(copy(read()));
                file.write(VaultCodec.encode(next));
                return next;
            });
        } catch (IOException e) {
            throw new VaultException("could not update the token vault " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private static Map<ProviderId, List<StoredEntry>> copy(Map<ProviderId, List<StoredEntry>> doc) {
        Map<ProviderId, List<StoredEntry>> copy = new EnumMap<>(ProviderId.class);
        doc.forEach((p, list) -> copy.put(p, new ArrayList<>(list)));
        return copy;
    }
}
