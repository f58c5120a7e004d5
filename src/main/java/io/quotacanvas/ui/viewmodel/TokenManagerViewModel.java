package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.QuotaStatus.ProviderStatus;
import io.quotacanvas.token.QuotaStatus.StatusReport;
import io.quotacanvas.token.probe.ProbeResult;
import io.quotacanvas.ui.Errors;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.TokenManager;
import io.quotacanvas.ui.viewmodel.TokenRow.TestVerdict;
import io.quotacanvas.ui.viewmodel.TokenRowFactory.Transient;
import io.quotacanvas.ui.viewmodel.TokenRowFactory.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The token manager: one section per provider with its tokens' state, the add form, the row commands
/// (rename, enable, reorder, remove, test, clear cooling, reveal) and the "What can I still generate
/// today?" panel. Every read and edit goes through the task service; after an edit the rows are re-read and
/// `onPoolChanged` runs (the status bar refreshes; the engine's pool reads the vault at its next plan).
/// [#tick] moves the countdowns and re-reads once a cooling ends. FX thread only.
public final class TokenManagerViewModel {
    private final TokenManager service;
    private final TaskService tasks;
    private final I18n i18n;
    private final Clock clock;
    private final Runnable onPoolChanged;
    private final Consumer<Throwable> errors;
    private final TokenRowFactory factory;
    private final ObservableList<ProviderSection> sections = FXCollections.observableArrayList();
    private final ObservableList<QuotaGroup> quota = FXCollections.observableArrayList();
    // one wrapper each, kept: listeners added to a fresh wrapper die with it
    private final ObservableList<ProviderSection> readOnlySections = FXCollections.unmodifiableObservableList(sections);
    private final ObservableList<QuotaGroup> readOnlyQuota = FXCollections.unmodifiableObservableList(quota);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper protection = new ReadOnlyStringWrapper(this, "protection", "");
    private final ReadOnlyObjectWrapper<ProviderId> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObjectProperty<ProviderId> addProvider = new SimpleObjectProperty<>(this, "addProvider");
    private final StringProperty pasted = new SimpleStringProperty(this, "pasted", "");
    private final StringProperty addLabel = new SimpleStringProperty(this, "addLabel", "");
    private final BooleanBinding canAdd;
    private final Set<String> revealed = new HashSet<>();
    private final Set<String> testing = new HashSet<>();
    private final Map<String, Verdict> verdicts = new HashMap<>();
    private StatusReport report;
    private Instant nextChange;
    private boolean refreshing;

    public TokenManagerViewModel(TokenManager service, TaskService tasks, I18n i18n, Clock clock, ZoneId zone,
                                 Runnable onPoolChanged, Consumer<Throwable> errors) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.clock = clock;
        this.onPoolChanged = onPoolChanged;
        this.errors = errors;
        now.set(clock.instant());
        factory = new TokenRowFactory(i18n, new TokenTexts(i18n, zone), now.getReadOnlyProperty());
        canAdd = Bindings.createBooleanBinding(() -> addProvider.get() != null && !pasted.get().isBlank()
                && !busy.get(), addProvider, pasted, busy);
    }

    public ObservableList<ProviderSection> sections() { return readOnlySections; }
    public ObservableList<QuotaGroup> quota() { return readOnlyQuota; }
    public ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }
    /// The outcome of the last command ("Added 2 gitee tokens…", a readable failure).
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /// Where the vault keeps the tokens, in one sentence.
    public ReadOnlyStringProperty protectionProperty() { return protection.getReadOnlyProperty(); }
    /// The provider the manager was opened for (null: all).
    public ReadOnlyObjectProperty<ProviderId> focusProperty() { return focus.getReadOnlyProperty(); }
    /// True while an edit runs.
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ObjectProperty<ProviderId> addProviderProperty() { return addProvider; }
    /// The add form's paste box: one or many tokens, newline- or comma-separated.
    public StringProperty pastedProperty() { return pasted; }
    public StringProperty addLabelProperty() { return addLabel; }
    public BooleanBinding canAddProperty() { return canAdd; }

    /// The section of `provider`, if the first reading has arrived.
    public ProviderSection section(ProviderId provider) {
        return sections.stream().filter(s -> s.provider() == provider).findFirst().orElse(null);
    }

    /// Shows `provider` first (null: keep the current choice) and picks it in the add form.
    public void focus(ProviderId provider) {
        focus.set(provider);
        if (provider != null) {
            addProvider.set(provider);
        }
    }

    /// Re-reads the vault and the ledger (skipped while a reading is under way).
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        tasks.submit("token-manager", service::report, r -> {
            refreshing = false;
            apply(r);
        }, e -> {
            refreshing = false;
            fail(e);
        });
        if (protection.get().isEmpty()) {
            tasks.submit("token-vault", service::protection, protection::set, e -> { });
        }
    }

    /// Moves the countdowns; once a cooling ends or a quota resets, re-reads so the row turns ready.
    public void tick() {
        now.set(clock.instant());
        if (nextChange != null && !now.get().isBefore(nextChange)) {
            nextChange = null;
            refresh();
        }
    }

    /// Adds the pasted tokens to the chosen provider and says how many were added and dropped.
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        ProviderId provider = addProvider.get();
        String text = pasted.get();
        String label = addLabel.get();
        edit("token-add", () -> {
            var result = service.add(provider, text, label);
            return i18n.get("tokens.added", result.added().size(), provider.wireName(), result.dropped());
        }, () -> {
            pasted.set("");
            addLabel.set("");
        });
    }

    public void rename(TokenRow row, String name) {
        if (row.editable()) {
            edit("token-rename", () -> {
                service.rename(row.provider(), row.vaultId(), name);
                return i18n.get("tokens.renamed", row.label());
            }, null);
        }
    }

    public void toggleEnabled(TokenRow row) {
        if (row.editable()) {
            boolean enable = !row.enabled();
            edit("token-enable", () -> {
                service.setEnabled(row.provider(), row.vaultId(), row.token(), enable);
                return i18n.get(enable ? "tokens.enabled" : "tokens.disabled", row.label());
            }, null);
        }
    }

    public void moveUp(TokenRow row) {
        move(row, -1);
    }

    public void moveDown(TokenRow row) {
        move(row, 1);
    }

    private void move(TokenRow row, int delta) {
        if (row.editable() && (delta < 0 ? row.canMoveUp() : row.canMoveDown())) {
            edit("token-move", () -> {
                service.move(row.provider(), row.vaultId(), delta);
                return i18n.get("tokens.moved", row.label());
            }, null);
        }
    }

    /// Removes a vault token (the view asks first).
    public void remove(TokenRow row) {
        if (row.editable()) {
            revealed.remove(row.key());
            edit("token-remove", () -> {
                service.remove(row.provider(), row.vaultId());
                return i18n.get("tokens.removed", row.label());
            }, null);
        }
    }

    public void clearCooling(TokenRow row) {
        if (row.clearable()) {
            edit("token-clear", () -> {
                service.clearCooling(row.token());
                return i18n.get("tokens.cleared", row.label());
            }, null);
        }
    }

    /// Runs the token's free probe in the background and shows its verdict on the row.
    public void test(TokenRow row) {
        if (row.anonymous() || testing.contains(row.key())) {
            return;
        }
        testing.add(row.key());
        rebuild();
        tasks.submit("token-test", () -> {
            ProbeResult r = service.test(row.token());
            return Map.entry(r, service.report());
        }, done -> {
            testing.remove(row.key());
            verdicts.put(row.key(), verdict(done.getKey()));
            notice.set(row.label() + ": " + verdicts.get(row.key()).text());
            apply(done.getValue());
            onPoolChanged.run();
        }, e -> {
            testing.remove(row.key());
            rebuild();
            fail(e);
        });
    }

    /// Shows the raw token of `row` until hidden again or the manager closes; hides it if shown.
    public void toggleReveal(TokenRow row) {
        if (row.anonymous()) {
            return;
        }
        if (!revealed.remove(row.key())) {
            revealed.add(row.key());
        }
        rebuild();
    }

    /// The manager closes: every revealed token is hidden again.
    public void close() {
        revealed.clear();
        rebuild();
    }

    private Verdict verdict(ProbeResult r) {
        TestVerdict kind = switch (r.kind()) {
            case OK -> TestVerdict.PASSED;
            case NO_PROBE -> TestVerdict.NO_PROBE;
            case INVALID, QUOTA, UNREACHABLE -> TestVerdict.FAILED;
        };
        return new Verdict(kind, i18n.get("tokens.test." + r.kind().wireName(), r.message()));
    }

    private void edit(String name, Callable<String> action, Runnable onDone) {
        busy.set(true);
        tasks.submit(name, () -> Map.entry(action.call(), service.report()), done -> {
            busy.set(false);
            notice.set(done.getKey());
            if (onDone != null) {
                onDone.run();
            }
            apply(done.getValue());
            onPoolChanged.run();
        }, e -> {
            busy.set(false);
            fail(e);
        });
    }

    private void apply(StatusReport fresh) {
        report = fresh;
        nextChange = TokenRowFactory.nextChange(fresh.providers());
        now.set(clock.instant());
        rebuild();
    }

    private void rebuild() {
        if (report == null) {
            return;
        }
        Transient t = new Transient(Set.copyOf(revealed), Set.copyOf(testing), Map.copyOf(verdicts));
        if (sections.isEmpty()) {
            report.providers().forEach(p -> sections.add(new ProviderSection(p.provider())));
            if (addProvider.get() == null) {
                addProvider.set(report.providers().stream().filter(ProviderStatus::enabled).findFirst()
                        .orElse(report.providers().getFirst()).provider());
            }
        }
        for (ProviderStatus p : report.providers()) {
            ProviderSection s = section(p.provider());
            if (s != null) {
                s.update(factory.title(p), factory.rows(p, t));
            }
        }
        quota.setAll(report.providers().stream().map(factory::quota).toList());
    }

    private void fail(Throwable e) {
        Errors.readable(e, i18n).ifPresentOrElse(notice::set, () -> errors.accept(e));
    }
}
