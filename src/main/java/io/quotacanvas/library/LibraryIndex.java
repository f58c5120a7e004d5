package io.quotacanvas.library;

import io.quotacanvas.storage.Sqlite;
import io.quotacanvas.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// The SQLite index of a library: one row per image plus an FTS5 table over both prompts.
///
/// WAL journal, a generous busy timeout and `BEGIN IMMEDIATE` write transactions let the GUI and several CLI
/// processes share one file. Within a process, one connection is shared and every method is `synchronized`,
/// so an instance is thread-safe. Favourites are mirrored to a small sidecar file so they survive a rebuild
/// from the images even when the index file was lost.
final class LibraryIndex implements AutoCloseable {
    private static final String COLUMNS = "id, path, created_ms, provider, model, prompt_original, prompt_final,"
            + " seed, steps, guidance, width, height, aspect, metadata, run_id";
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final Path dbFile;
    private final Path favouritesFile;
    private final Connection db;
    private final boolean created;

    /// Work run inside a write transaction.
    interface SqlWork<T> {
        T run() throws SQLException, LibraryException;
    }

    LibraryIndex(Path root, Path dbFile) throws LibraryException {
        this.root = root;
        this.dbFile = dbFile;
        this.favouritesFile = dbFile.resolveSibling("favourites.txt");
        try {
            db = Sqlite.open(Failures.describe(dbFile), BUSY_TIMEOUT);
        } catch (StorageException e) {
            throw new LibraryException(e.getMessage(), e.getCause());
        }
        try {
            created = write(this::migrate);
        } catch (SQLException e) {
            Sqlite.closeQuietly(db);
            throw Failures.sql("open the library index", dbFile, e);
        } catch (LibraryException e) {
            Sqlite.closeQuietly(db);
            throw e;
        }
    }

    /// True if this open created the schema (a new or deleted index): the caller should rebuild from files.
    boolean created() {
        return created;
    }

    private boolean migrate() throws SQLException, LibraryException {
        int version;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > Schema.VERSION) {
            throw new LibraryException("The library index " + dbFile + " was written by a newer Quota Canvas."
                    + " Update Quota Canvas, or delete that file to rebuild it from the images.");
        }
        if (version == Schema.VERSION) {
            return false;
        }
        try (Statement st = db.createStatement()) {
            for (List<String> step : Schema.STEPS.subList(version, Schema.VERSION)) {
                for (String sql : step) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = " + Schema.VERSION);
        }
        // only a new index is filled from the files; a migrated one keeps its rows (and favourites)
        return version == 0;
    }

    /// Adds an image; an image already indexed under the same id or path is left as it is.
    synchronized boolean insert(IndexEntry e) throws LibraryException {
        try {
            return write(() -> insertRow(e, false));
        } catch (SQLException ex) {
            throw Failures.sql("add the image to the library index", dbFile, ex);
        }
    }

    synchronized List<StoredImage> list(LibraryQuery q) throws LibraryException {
        SearchSql.Clause where = SearchSql.where(q);
        String sql = "SELECT i.id, i.path, i.favourite, i.metadata FROM images i" + where.sql()
                + SearchSql.order(q) + " LIMIT ? OFFSET ?";
        List<Object> args = new ArrayList<>(where.args());
        args.add(q.limit() > 0 ? q.limit() : -1);
        args.add(Math.max(0, q.offset()));
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<StoredImage> out = new ArrayList<>();
            while (rs.next()) {
                toStored(rs).ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw Failures.sql("search the library", dbFile, e);
        }
    }

    /// The ids of the images `q` matches, in its order and page (no metadata is read).
    synchronized List<String> ids(LibraryQuery q) throws LibraryException {
        SearchSql.Clause where = SearchSql.where(q);
        List<Object> args = new ArrayList<>(where.args());
        args.add(q.limit() > 0 ? q.limit() : -1);
        args.add(Math.max(0, q.offset()));
        try (PreparedStatement ps = prepare("SELECT i.id FROM images i" + where.sql() + SearchSql.order(q)
                + " LIMIT ? OFFSET ?", args); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Failures.sql("search the library", dbFile, e);
        }
    }

    /// The indexed images among `ids` (any order; unknown ids are left out).
    synchronized List<StoredImage> findAll(Collection<String> ids) throws LibraryException {
        try (PreparedStatement ps = prepare("SELECT id, path, favourite, metadata FROM images"
                + " WHERE id IN (SELECT value FROM json_each(?))", List.of(SearchSql.jsonArray(ids)));
             ResultSet rs = ps.executeQuery()) {
            List<StoredImage> out = new ArrayList<>();
            while (rs.next()) {
                toStored(rs).ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw Failures.sql("look up images", dbFile, e);
        }
    }

    synchronized int count(LibraryQuery q) throws LibraryException {
        SearchSql.Clause where = SearchSql.where(q);
        try (PreparedStatement ps = prepare("SELECT count(*) FROM images i" + where.sql(), where.args());
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw Failures.sql("count the library's images", dbFile, e);
        }
    }

    synchronized Optional<StoredImage> find(String id) throws LibraryException {
        try (PreparedStatement ps = prepare("SELECT id, path, favourite, metadata FROM images WHERE id = ?",
                List.of(id)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? toStored(rs) : Optional.empty();
        } catch (SQLException e) {
            throw Failures.sql("look up image " + id, dbFile, e);
        }
    }

    synchronized boolean setFavourite(String id, boolean favourite) throws LibraryException {
        try {
            return write(() -> {
                boolean changed = update("UPDATE images SET favourite = ? WHERE id = ?", favourite ? 1 : 0, id);
                saveFavourites();
                return changed;
            });
        } catch (SQLException e) {
            throw Failures.sql("mark image " + id + " as favourite", dbFile, e);
        }
    }

    /// Marks or unmarks every image in `ids` in one transaction; returns how many rows changed.
    synchronized int setFavourites(Collection<String> ids, boolean favourite) throws LibraryException {
        try {
            return write(() -> {
                int changed;
                try (PreparedStatement ps = prepare("UPDATE images SET favourite = ? WHERE favourite <> ?"
                        + " AND id IN (SELECT value FROM json_each(?))",
                        List.of(favourite ? 1 : 0, favourite ? 1 : 0, SearchSql.jsonArray(ids)))) {
                    changed = ps.executeUpdate();
                }
                saveFavourites();
                return changed;
            });
        } catch (SQLException e) {
            throw Failures.sql("mark " + ids.size() + " images as favourites", dbFile, e);
        }
    }

    /// Removes the rows of `ids` in one transaction; returns how many there were.
    synchronized int deleteAll(Collection<String> ids) throws LibraryException {
        try {
            return write(() -> {
                int deleted;
                try (PreparedStatement ps = prepare("DELETE FROM images WHERE id IN (SELECT value FROM json_each(?))",
                        List.of(SearchSql.jsonArray(ids)))) {
                    deleted = ps.executeUpdate();
                }
                saveFavourites();
                return deleted;
            });
        } catch (SQLException e) {
            throw Failures.sql("remove " + ids.size() + " images from the index", dbFile, e);
        }
    }


    synchronized boolean delete(String id) throws LibraryException {
        try {
            return write(() -> {
                boolean deleted = update("DELETE FROM images WHERE id = ?", id);
                saveFavourites();
                return deleted;
            });
        } catch (SQLException e) {
            throw Failures.sql("remove image " + id + " from the index", dbFile, e);
        }
    }

    /// Replaces every row with what `scan` finds, in one transaction; favourites known to the old rows or the
    /// sidecar are kept. `scan` runs while the write lock is held, so a concurrent save either finishes
    /// before the scan (and is found) or inserts its row after the rebuild.
    synchronized int replaceAll(SqlWork<List<IndexEntry>> scan) throws LibraryException {
        try {
            return write(() -> {
                Set<String> favourites = readFavourites();
                List<IndexEntry> entries = scan.run();
                update("DELETE FROM images");
                int count = 0;
                for (IndexEntry e : entries) {
                    count += insertRow(e, favourites.contains(e.id())) ? 1 : 0;
                }
                update("INSERT INTO images_fts(images_fts) VALUES ('rebuild')");
                saveFavourites();
                return count;
            });
        } catch (SQLException e) {
            throw Failures.sql("rebuild the library index", dbFile, e);
        }
    }

    private boolean insertRow(IndexEntry e, boolean favourite) throws SQLException {
        ImageMetadata m = e.metadata();
        String sql = "INSERT INTO images (" + COLUMNS + ", favourite) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT DO NOTHING";
        List<Object> args = new ArrayList<>(List.of(e.id(), e.relativePath(),
                m.createdAt() == null ? 0L : m.createdAt().toEpochMilli()));
        args.add(m.provider() == null ? null : m.provider().wireName());
        args.add(m.model());
        args.add(m.promptOriginal() == null ? "" : m.promptOriginal());
        args.add(m.promptFinal() == null ? "" : m.promptFinal());
        args.addAll(java.util.Arrays.asList(m.seed(), m.steps(), m.guidanceScale(), m.width(), m.height(),
                m.aspectRatio(), MetadataCodec.toJson(m), m.runId(), favourite ? 1 : 0));
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate() > 0;
        }
    }

    private Optional<StoredImage> toStored(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Path path = root.resolve(rs.getString("path"));
        boolean favourite = rs.getInt("favourite") != 0;
        return MetadataCodec.fromJson(rs.getString("metadata")).map(m -> new StoredImage(id, path, m, favourite));
    }

    private Set<String> readFavourites() throws SQLException, LibraryException {
        Set<String> ids = new HashSet<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM images WHERE favourite = 1")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        try {
            if (Files.exists(favouritesFile)) {
                Files.readAllLines(favouritesFile, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).forEach(ids::add);
            }
        } catch (IOException e) {
            throw Failures.io("read the favourites list", favouritesFile, e);
        }
        return ids;
    }

    /// Rewrites the sidecar from the rows; runs inside the write transaction, so processes never interleave.
    private void saveFavourites() throws SQLException, LibraryException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM images WHERE favourite = 1 ORDER BY id")) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
        }
        Library.writeDurably(favouritesFile, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private <T> T write(SqlWork<T> work) throws SQLException, LibraryException {
        db.setAutoCommit(false);
        boolean done = false;
        try {
            T result = work.run();
            db.commit();
            done = true;
            return result;
        } finally {
            if (!done) {
                db.rollback();
            }
            db.setAutoCommit(true);
        }
    }

    private boolean update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, java.util.Arrays.asList(args))) {
            return ps.executeUpdate() > 0;
        }
    }

    private PreparedStatement prepare(String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
        return ps;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing is best effort: WAL content is already durable and is checkpointed by the next opener
        }
    }
}
