package io.quotacanvas.storage;

import java.nio.file.Path;
import java.util.Objects;

/// An SQLite file as people should hear about it in an error: what it is (`name`, e.g. "ledger file"),
/// where, what to do when it is damaged (`ifDamaged`) and where else it could live (`elsewhere`).
public record SqliteFile(Path path, String name, String ifDamaged, String elsewhere) {
    public SqliteFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ifDamaged, "ifDamaged");
        Objects.requireNonNull(elsewhere, "elsewhere");
    }

    /// `name path`, the start of every message about this file.
    String describe() {
        return name + " " + path;
    }
}
