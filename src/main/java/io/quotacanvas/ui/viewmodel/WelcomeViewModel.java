package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderGuide;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.ui.DesktopPort;
import io.quotacanvas.ui.Errors;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.SettingsStore;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.ProviderInfo;
import io.quotacanvas.ui.service.StudioServices;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The first-run panel: what works with no token (Hugging Face's public Spaces, anonymously), a sample
/// prompt, and per provider where a free token comes from, what it gives and when it resets, with a paste
/// box that adds through the token manager's service (the one vault writer). It shows by itself while the
/// studio has no token at all and an empty library, until dismissed (remembered in the settings); Help
/// opens it again. FX thread only.
public final class WelcomeViewModel {
    /// The settings key that remembers the panel was dismissed.
    public static final String DISMISSED = "welcome.dismissed";

    private final StudioServices services;
    private final TaskService tasks;
    private final I18n i18n;
    private final SettingsStore store;
    private final DesktopPort desktop;
    private final CreateViewModel create;
    private final Runnable onTokensAdded;
    private final Consumer<Throwable> errors;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObservableList<WelcomeOffer> offers = FXCollections.observableArrayList();
    private final ObservableList<WelcomeOffer> readOnlyOffers = FXCollections.unmodifiableObservableList(offers);

    public WelcomeViewModel(StudioServices services, TaskService tasks, I18n i18n, SettingsStore store,
                            DesktopPort desktop, CreateViewModel create, Runnable onTokensAdded,
                            Consumer<Throwable> errors) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.store = store;
        this.desktop = desktop;
        this.create = create;
        this.onTokensAdded = onTokensAdded;
        this.errors = errors;
        List<ProviderInfo> enabled = services.providers().stream().filter(ProviderInfo::enabled).toList();
        for (ProviderGuide g : ProviderGuide.all()) {
            // the OpenAI-compatible slot needs a server address first: the config file's business, not a paste
            enabled.stream().filter(p -> p.id() == g.provider() && g.tokenUrl() != null).findFirst()
                    .ifPresent(p -> offers.add(new WelcomeOffer(g, p.tokenCount(), i18n)));
        }
    }

    public ReadOnlyBooleanProperty showingProperty() { return showing.getReadOnlyProperty(); }
    public ObservableList<WelcomeOffer> offers() { return readOnlyOffers; }
    /// The outcome of the last paste ("Added 1 gitee token.", a readable failure).
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /// The sample prompt, in the current language.
    public StringBinding samplePrompt() {
        return i18n.text("welcome.sample");
    }

    /// Shows the panel if this is a first run: never dismissed, no token anywhere, and an empty library.
    public void start() {
        boolean anyToken = services.providers().stream().anyMatch(p -> p.tokenCount() > 0);
        if (store.getBoolean(DISMISSED, false) || anyToken) {
            return;
        }
        tasks.submit("welcome-library", () -> services.images().count(LibraryQuery.all(1)),
                count -> showing.set(count == 0), errors);
    }

    /// Opens the panel again (Help menu).
    public void show() {
        showing.set(true);
    }

    /// Closes the panel and remembers not to open it by itself again.
    public void dismiss() {
        showing.set(false);
        if (!store.getBoolean(DISMISSED, false)) {
            store.put(DISMISSED, true);
            tasks.submit("save-settings", () -> {
                store.save();
                return null;
            }, ignored -> { }, errors);
        }
    }

    /// Puts the sample prompt into the create panel.
    public void useSample() {
        create.promptProperty().set(samplePrompt().get());
    }

    /// Opens the provider's token page in the browser.
    public void openTokenPage(WelcomeOffer offer) {
        if (offer.tokenUrl() != null) {
            desktop.openLink(offer.tokenUrl());
        }
    }

    /// Adds the pasted tokens to the vault through the token manager's service, then refreshes the figures.
    public void add(WelcomeOffer offer) {
        if (!offer.canAddProperty().get()) {
            return;
        }
        String text = offer.pastedProperty().get();
        offer.busy(true);
        tasks.submit("welcome-token-add", () -> services.tokens().add(offer.provider(), text, null), result -> {
            offer.busy(false);
            offer.added(result.added().size());
            notice.set(i18n.get("tokens.added", result.added().size(), offer.provider().wireName(),
                    result.dropped()));
            onTokensAdded.run();
        }, e -> {
            offer.busy(false);
            Errors.readable(e, i18n).ifPresentOrElse(notice::set, () -> errors.accept(e));
        });
    }
}
