package io.quotacanvas.gateway;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/// The images handed out as `url` answers: an unguessable id (192 random bits) → the library file, until
/// the id expires (`gateway.file_ttl`, an hour like OpenAI's). The URL is the capability, so fetching needs no
/// API key. Kept in memory: a restarted gateway forgets the ids, never the images (they stay in the library).
/// Thread-safe.
final class FileStore {
    private static final Pattern ID = Pattern.compile("img_[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration ttl;
    private final Clock clock;
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    private final Map<String, Entry> files = new ConcurrentHashMap<>();
    private volatile Instant sweptAt = Instant.MIN;

    private record Entry(Path path, Instant expires) {}

    FileStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /// A fresh id for `path`, valid for the TTL from now.
    String publish(Path path) {
        Instant now = clock.instant();
        if (!now.isBefore(sweptAt.plus(SWEEP_EVERY))) {
            sweptAt = now;
            files.values().removeIf(e -> !now.isBefore(e.expires()));
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String id = "img_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        files.put(id, new Entry(path, now.plus(ttl)));
        return id;
    }

    /// The file of a live id; empty when the id is malformed, unknown or expired.
    Optional<Path> resolve(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Entry e = files.get(id);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            files.remove(id, e);
            return Optional.empty();
        }
        return Optional.of(e.path());
    }

    int size() {
        return files.size();
    }
}
