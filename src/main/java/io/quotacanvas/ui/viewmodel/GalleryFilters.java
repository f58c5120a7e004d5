package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.LibraryQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// What the gallery shows: search text, favourites, provider, model, aspect ratio, a date range (local
/// days, both ends included), a seed, one run, and the order. Every field is a writable property for
/// two-way binding; [#query] turns them into a library query. FX thread only.
public final class GalleryFilters {
    private final ZoneId zone;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty favouritesOnly = new SimpleBooleanProperty(this, "favouritesOnly", false);
    private final ObjectProperty<ProviderId> provider = new SimpleObjectProperty<>(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model");
    private final StringProperty aspectRatio = new SimpleStringProperty(this, "aspectRatio");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "");
    private final StringProperty run = new SimpleStringProperty(this, "run");
    private final BooleanProperty oldestFirst = new SimpleBooleanProperty(this, "oldestFirst", false);
    private final BooleanBinding seedValid = Bindings.createBooleanBinding(() -> seedValue() != null
            || seed.get() == null || seed.get().isBlank(), seed);
    private final IntegerBinding activeCount;

    public GalleryFilters(ZoneId zone) {
        this.zone = zone;
        activeCount = Bindings.createIntegerBinding(this::countActive, provider, model, aspectRatio, from, to, seed,
                run);
    }

    public StringProperty searchProperty() { return search; }
    public BooleanProperty favouritesOnlyProperty() { return favouritesOnly; }
    public ObjectProperty<ProviderId> providerProperty() { return provider; }
    public StringProperty modelProperty() { return model; }
    /// An aspect label (`16:9`), or null for any.
    public StringProperty aspectRatioProperty() { return aspectRatio; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    /// Seed text: blank for any, else a whole number.
    public StringProperty seedProperty() { return seed; }
    /// A run id ("show this run"), or null.
    public StringProperty runProperty() { return run; }
    public BooleanProperty oldestFirstProperty() { return oldestFirst; }
    /// False while the seed field holds something that is not a whole number.
    public BooleanBinding seedValid() { return seedValid; }
    /// How many of the filters behind the "Filters" button are set (search, favourites and order aside).
    public IntegerBinding activeCount() { return activeCount; }

    /// Every property a change of which changes the listing.
    Observable[] all() {
        return new Observable[] {search, favouritesOnly, provider, model, aspectRatio, from, to, seed, run, oldestFirst};
    }

    /// Clears the filters behind the "Filters" button and the run (search, favourites and order stay).
    public void clear() {
        provider.set(null);
        model.set(null);
        aspectRatio.set(null);
        from.set(null);
        to.set(null);
        seed.set("");
        run.set(null);
    }

    /// The library query for these filters, of images made before `snapshot` (so images made since the
    /// listing was read don't shift its pages), leaving out `excluded`.
    LibraryQuery query(Instant snapshot, Set<String> excluded) {
        String text = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        String m = model.get() == null || model.get().isBlank() ? null : model.get();
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? snapshot : min(to.get().plusDays(1).atStartOfDay(zone).toInstant(), snapshot);
        String r = run.get() == null || run.get().isBlank() ? null : run.get();
        return new LibraryQuery(text, favouritesOnly.get(), provider.get(), m, 0, 0, start, end,
                aspectRatio.get() == null || aspectRatio.get().isBlank() ? null : aspectRatio.get(), seedValue(), r,
                oldestFirst.get(), excluded);
    }

    private Long seedValue() {
        String s = seed.get() == null ? "" : seed.get().strip();
        return s.matches("\\d{1,18}") ? Long.valueOf(s) : null;
    }

    private int countActive() {
        int n = 0;
        n += provider.get() != null ? 1 : 0;
        n += model.get() != null && !model.get().isBlank() ? 1 : 0;
        n += aspectRatio.get() != null && !aspectRatio.get().isBlank() ? 1 : 0;
        n += from.get() != null || to.get() != null ? 1 : 0;
        n += seed.get() != null && !seed.get().isBlank() ? 1 : 0;
        n += run.get() != null && !run.get().isBlank() ? 1 : 0;
        return n;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
