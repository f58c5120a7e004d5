package io.quotacanvas.ui;

import io.quotacanvas.storage.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/// The studio's remembered settings (last create options, theme, language, window geometry): a small
/// properties file, `studio.properties` in the state folder. Never holds a token.
///
/// Thread-safe. Reads come from memory; [#save] writes the whole file atomically and may be called from
/// any thread (the app calls it through the task service).
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());

    private final Path file;
    private final Properties values = new Properties();

    private SettingsStore(Path file) {
        this.file = file;
    }

    /// Loads `file` if it exists; an unreadable file is logged and treated as empty.
    public static SettingsStore load(Path file) {
        SettingsStore store = new SettingsStore(file);
        if (file != null && Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                store.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "ignoring unreadable settings file " + file, e);
            }
        }
        return store;
    }

    /// A store that remembers only in memory (for tests).
    public static SettingsStore inMemory() {
        return new SettingsStore(null);
    }

    public Path file() {
        return file;
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(get(key, Integer.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(get(key, Double.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        return Boolean.parseBoolean(get(key, Boolean.toString(fallback)).trim());
    }

    /// Sets (or with a null value removes) a key in memory.
    public synchronized SettingsStore put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value.toString());
        }
        return this;
    }

    /// Writes the file (temp file + atomic move). Blocking.
    public void save() {
        if (file == null) {
            return;
        }
        StringWriter text = new StringWriter();
        synchronized (this) {
            try {
                values.store(text, "Quota Canvas studio settings");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not save settings to " + file, e);
        }
    }
}
