package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.TokenManagerHook;
import io.quotacanvas.ui.service.ProviderInfo;
import io.quotacanvas.ui.service.ProviderStatus;
import io.quotacanvas.ui.service.StudioServices;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The status bar and the provider badges: each enabled provider's ready tokens out of its total and the
/// next reset, read from the ledger in the background; [#tick] moves the countdowns. FX thread only.
public final class StatusViewModel {
    private final StudioServices services;
    private final TaskService tasks;
    private final I18n i18n;
    private final TokenManagerHook tokenManager;
    private final Consumer<Throwable> errors;
    private final ObservableList<ProviderStatus> statuses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final List<ProviderId> enabled;
    // one wrapper, kept: a listener added to a fresh wrapper dies with it (the bar stopped following)
    private final ObservableList<ProviderStatus> readOnlyStatuses = FXCollections.unmodifiableObservableList(statuses);
    private boolean refreshing;

    public StatusViewModel(StudioServices services, TaskService tasks, I18n i18n, TokenManagerHook tokenManager,
                           Consumer<Throwable> errors) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.tokenManager = tokenManager;
        this.errors = errors;
        now.set(services.clock().instant());
        // providers without tokens only clutter the bar, unless no provider has any; a token-free route
        // (Hugging Face's public Spaces, what a new user really has) always shows
        boolean anyTokens = services.providers().stream().anyMatch(p -> p.enabled() && p.tokenCount() > 0);
        for (ProviderInfo p : services.providers()) {
            if (p.enabled() && (p.tokenCount() > 0 || p.anonymous() || !anyTokens)) {
                statuses.add(p.anonymous() ? new ProviderStatus(p.id(), p.tokenCount(), 0, 0, p.tokenCount(), null,
                        new ProviderStatus.Anonymous(true, null)) : ProviderStatus.unknown(p.id(), p.tokenCount()));
            }
        }
        enabled = services.providers().stream().filter(ProviderInfo::enabled).map(ProviderInfo::id).toList();
    }

    public ObservableList<ProviderStatus> statuses() { return readOnlyStatuses; }
    public ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }

    /// Re-reads every enabled provider's figures (skipped while a refresh is under way). Providers whose
    /// tokens were all removed leave the bar and ones that got their first token join it, as at start.
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        tasks.submit("token-status", () -> {
            Instant at = services.clock().instant();
            return enabled.stream().map(id -> services.status(id, at)).toList();
        }, fresh -> {
            refreshing = false;
            List<ProviderStatus> usable = fresh.stream().filter(ProviderStatus::usable).toList();
            statuses.setAll(usable.isEmpty() ? fresh : usable);
        }, e -> {
            refreshing = false;
            errors.accept(e);
        });
    }

    /// Moves the clock the countdowns read.
    public void tick() {
        now.set(services.clock().instant());
    }

    /// Opens the token manager for a provider (null: all).
    public void openTokenManager(ProviderId provider) {
        tokenManager.open(provider);
    }

    public ProviderStatus status(ProviderId provider) {
        return statuses.stream().filter(s -> s.provider() == provider).findFirst()
                .orElse(new ProviderStatus(provider, 0, 0, 0, 0, null));
    }

    /// The picker badge: "ready", "2 of 3 tokens cooling", "no tokens", "public Spaces, no token"; Auto sums
    /// every provider and names the token-free route when there are no tokens.
    public StringBinding badge(ProviderId provider) {
        return i18n.text(() -> badgeText(provider), statuses);
    }

    private String badgeText(ProviderId provider) {
        if (provider == null) {
            int ready = statuses.stream().mapToInt(ProviderStatus::ready).sum();
            int all = statuses.stream().mapToInt(ProviderStatus::total).sum();
            boolean anonymous = statuses.stream().anyMatch(st -> st.anonymous() != null);
            if (all == 0) {
                return i18n.get(anonymous ? "badge.autoAnonymous" : "badge.noTokens");
            }
            return i18n.get(anonymous ? "badge.autoPlusAnonymous" : "badge.auto", ready, all);
        }
        ProviderStatus s = status(provider);
        if (!s.hasTokens()) {
            return i18n.get(s.anonymous() != null ? "badge.anonymous" : "badge.noTokens");
        }
        if (s.ready() == s.total()) {
            return i18n.get("badge.ready");
        }
        return i18n.get("badge.cooling", s.total() - s.ready(), s.total());
    }

    /// The status bar entry: "gitee 2/3 · next reset 04:12".
    public StringBinding summary(ProviderId provider) {
        return i18n.text(() -> summaryText(status(provider)), statuses, now);
    }

    private String summaryText(ProviderStatus s) {
        String anonymous = anonymousText(s);
        if (!s.hasTokens() && anonymous != null) {
            return s.provider().wireName() + " · " + anonymous;
        }
        String base = i18n.get("statusbar.provider", s.provider().wireName(), s.ready(), s.total());
        if (anonymous != null) {
            base += " · " + anonymous;
        }
        if (s.nextReset() == null || now.get() == null) {
            return base;
        }
        String clock = TokenTexts.countdown(now.get(), s.nextReset());
        return base + " · " + i18n.get("statusbar.reset", clock);
    }

    /// "public Spaces ready", "public Spaces back in 03:12", or null without a token-free route.
    private String anonymousText(ProviderStatus s) {
        ProviderStatus.Anonymous a = s.anonymous();
        if (a == null) {
            return null;
        }
        if (a.ready() || a.until() == null || now.get() == null) {
            return i18n.get(a.ready() ? "statusbar.anonymous" : "statusbar.anonymousOff");
        }
        return i18n.get("statusbar.anonymousBack", TokenTexts.countdown(now.get(), a.until()));
    }
}
