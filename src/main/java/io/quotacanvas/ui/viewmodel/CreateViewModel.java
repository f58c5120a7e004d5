package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.pipeline.ModelDefaults;
import io.quotacanvas.ui.SettingsStore;
import io.quotacanvas.ui.service.ModelHint;
import io.quotacanvas.ui.service.ProviderInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/// The create panel's form: every field is a writable property for two-way binding; what can be chosen
/// (providers, models) and whether the form can generate are derived.
///
/// FX thread only (or a toolkit-free test).
public final class CreateViewModel {
    /// The aspect-ratio chips, in display order.
    public static final List<AspectRatio> RATIOS = List.of(AspectRatio.SQUARE, AspectRatio.WIDE, AspectRatio.TALL,
            AspectRatio.LANDSCAPE_4_3, AspectRatio.PORTRAIT_3_4, AspectRatio.LANDSCAPE_3_2, AspectRatio.PORTRAIT_2_3);
    public static final int MAX_COUNT = 16;
    /// Where a person's "Optimise prompt" choice is kept, only while it differs from the config's default.
    static final String OPTIMIZE_KEY = "create.optimizePrompt";
    /// Older studios kept the checkbox here whatever its value, including the unchecked start they forced.
    private static final String OLD_OPTIMIZE_KEY = "create.optimize";

    private final List<ProviderInfo> providers;
    private final boolean optimizeByDefault;
    private final BiFunction<ProviderId, String, ModelHint> hints;
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final ObjectProperty<AspectRatio> aspectRatio = new SimpleObjectProperty<>(this, "aspectRatio",
            ImageRequest.DEFAULT_ASPECT_RATIO);
    /// null = Auto.
    private final ObjectProperty<ProviderId> provider = new SimpleObjectProperty<>(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model", ImageRequest.DEFAULT_MODEL);
    private final ReadOnlyListWrapper<ProviderId> providerChoices =
            new ReadOnlyListWrapper<>(this, "providerChoices", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> models =
            new ReadOnlyListWrapper<>(this, "models", FXCollections.observableArrayList());
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "");
    private final BooleanProperty seedLocked = new SimpleBooleanProperty(this, "seedLocked", false);
    private final StringProperty steps = new SimpleStringProperty(this, "steps", "");
    private final StringProperty guidance = new SimpleStringProperty(this, "guidance", "");
    private final BooleanProperty hd = new SimpleBooleanProperty(this, "hd", false);
    private final BooleanProperty optimizePrompt;
    private final BooleanProperty autoTranslate = new SimpleBooleanProperty(this, "autoTranslate", false);
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 1);
    private final BooleanBinding promptBlank;
    private final BooleanBinding advancedValid;

    /// A form whose "Optimise prompt" starts checked, the documented default.
    public CreateViewModel(List<ProviderInfo> providers) {
        this(providers, true);
    }

    /// A form whose "Optimise prompt" starts at `optimizeByDefault` (the config's `prompt.optimize`), with
    /// the provider-independent step and guidance hints.
    public CreateViewModel(List<ProviderInfo> providers, boolean optimizeByDefault) {
        this(providers, optimizeByDefault, (provider, model) -> {
            ModelDefaults.Defaults d = ModelDefaults.of(model);
            return new ModelHint(d.steps(), d.guidanceScale());
        });
    }

    /// A form whose steps and guidance hints come from `hints`: what the chosen provider (null: Auto) sends
    /// the chosen model with by default.
    public CreateViewModel(List<ProviderInfo> providers, boolean optimizeByDefault,
                           BiFunction<ProviderId, String, ModelHint> hints) {
        this.hints = hints;
        this.providers = List.copyOf(providers);
        this.optimizeByDefault = optimizeByDefault;
        this.optimizePrompt = new SimpleBooleanProperty(this, "optimizePrompt", optimizeByDefault);
        providerChoices.add(null);
        this.providers.stream().filter(ProviderInfo::enabled).map(ProviderInfo::id).forEach(providerChoices::add);
        promptBlank = Bindings.createBooleanBinding(() -> prompt.get() == null || prompt.get().isBlank(), prompt);
        advancedValid = Bindings.createBooleanBinding(
                () -> isLongOrBlank(seed.get()) && isIntOrBlank(steps.get()) && isDoubleOrBlank(guidance.get()),
                seed, steps, guidance);
        provider.addListener((obs, old, now) -> refreshModels());
        refreshModels();
    }

    // ---- properties

    public StringProperty promptProperty() { return prompt; }
    public ObjectProperty<AspectRatio> aspectRatioProperty() { return aspectRatio; }
    public ObjectProperty<ProviderId> providerProperty() { return provider; }
    public StringProperty modelProperty() { return model; }
    public ReadOnlyListProperty<ProviderId> providerChoices() { return providerChoices.getReadOnlyProperty(); }
    public ReadOnlyListProperty<String> models() { return models.getReadOnlyProperty(); }
    public StringProperty seedProperty() { return seed; }
    public BooleanProperty seedLockedProperty() { return seedLocked; }
    public StringProperty stepsProperty() { return steps; }
    public StringProperty guidanceProperty() { return guidance; }
    public BooleanProperty hdProperty() { return hd; }
    public BooleanProperty optimizePromptProperty() { return optimizePrompt; }
    public BooleanProperty autoTranslateProperty() { return autoTranslate; }
    public IntegerProperty countProperty() { return count; }

    /// True while the prompt is empty or only spaces.
    public BooleanBinding promptBlank() { return promptBlank; }

    /// True while seed, steps and guidance are blank or numbers.
    public BooleanBinding advancedValid() { return advancedValid; }

    /// The steps the chosen provider sends the model with by default, for the steps field's hint.
    public StringBinding stepsHint() {
        return Bindings.createStringBinding(() -> Integer.toString(hint().steps()), model, provider);
    }

    /// The guidance the chosen provider sends the model with by default (empty when it sends none), for
    /// the guidance field's hint.
    public StringBinding guidanceHint() {
        return Bindings.createStringBinding(() -> {
            Double g = hint().guidance();
            return g == null ? "" : g.toString();
        }, model, provider);
    }

    private ModelHint hint() {
        String m = model.get() == null || model.get().isBlank() ? ImageRequest.DEFAULT_MODEL : model.get();
        return hints.apply(provider.get(), m);
    }

    // ---- commands

    /// Puts a fresh random seed in the field and locks it.
    public void randomiseSeed() {
        seed.set(Long.toString(ThreadLocalRandom.current().nextLong(0, Integer.MAX_VALUE)));
        seedLocked.set(true);
    }

    /// The request the form describes. Only call while [#promptBlank] is false and [#advancedValid] true.
    public ImageRequest toRequest() {
        Long s = seedLocked.get() && !seed.get().isBlank() ? Long.valueOf(seed.get().trim()) : null;
        Integer st = steps.get().isBlank() ? null : Integer.valueOf(steps.get().trim());
        Double g = guidance.get().isBlank() ? null : Double.valueOf(guidance.get().trim());
        String m = model.get() == null || model.get().isBlank() ? ImageRequest.DEFAULT_MODEL : model.get();
        return new ImageRequest(prompt.get().strip(), provider.get(), m, aspectRatio.get(), s, st, g, hd.get(),
                optimizePrompt.get(), autoTranslate.get(), Math.clamp(count.get(), 1, MAX_COUNT),
                ImageRequest.DEFAULT_TIMEOUT);
    }

    /// Fills the form from an image's settings (reuse, regenerate, a dropped PNG). The seed is locked to
    /// the image's seed when it has one (A1111 files may say -1: unknown).
    public void apply(ImageMetadata m) {
        String text = m.promptOriginal() != null && !m.promptOriginal().isBlank() ? m.promptOriginal() : m.promptFinal();
        prompt.set(text == null ? "" : text);
        AspectRatio.fromLabel(m.aspectRatio()).filter(RATIOS::contains).ifPresent(aspectRatio::set);
        provider.set(m.provider() != null && providerChoices.contains(m.provider()) ? m.provider() : null);
        if (m.model() != null && models.contains(m.model())) {
            model.set(m.model());
        }
        seed.set(m.seed() >= 0 ? Long.toString(m.seed()) : "");
        seedLocked.set(m.seed() >= 0);
        steps.set(m.steps() > 0 ? Integer.toString(m.steps()) : "");
        guidance.set(m.guidanceScale() == null ? "" : m.guidanceScale().toString());
        count.set(1);
    }

    private void refreshModels() {
        Set<String> union = new LinkedHashSet<>();
        for (ProviderInfo p : providers) {
            if (p.enabled() && (provider.get() == null || p.id() == provider.get())) {
                union.addAll(p.models());
            }
        }
        models.setAll(union);
        if (!union.isEmpty() && !union.contains(model.get())) {
            model.set(union.contains(ImageRequest.DEFAULT_MODEL) ? ImageRequest.DEFAULT_MODEL : union.iterator().next());
        }
    }

    // ---- memory

    public void restore(SettingsStore s) {
        prompt.set(s.get("create.prompt", ""));
        AspectRatio.fromLabel(s.get("create.aspect", ImageRequest.DEFAULT_ASPECT_RATIO_LABEL)).ifPresent(aspectRatio::set);
        ProviderId.fromWireName(s.get("create.provider", "")).filter(providerChoices::contains).ifPresent(provider::set);
        String m = s.get("create.model", "");
        if (models.contains(m)) {
            model.set(m);
        }
        seed.set(s.get("create.seed", ""));
        seedLocked.set(s.getBoolean("create.seedLocked", false));
        steps.set(s.get("create.steps", ""));
        guidance.set(s.get("create.guidance", ""));
        hd.set(s.getBoolean("create.hd", false));
        optimizePrompt.set(s.getBoolean(OPTIMIZE_KEY, optimizeByDefault));
        autoTranslate.set(s.getBoolean("create.translate", false));
        count.set(Math.clamp(s.getInt("create.count", 1), 1, MAX_COUNT));
    }

    public void remember(SettingsStore s) {
        s.put("create.prompt", prompt.get()).put("create.aspect", aspectRatio.get().label())
                .put("create.provider", provider.get() == null ? "" : provider.get().wireName())
                .put("create.model", model.get()).put("create.seed", seed.get())
                .put("create.seedLocked", seedLocked.get()).put("create.steps", steps.get())
                .put("create.guidance", guidance.get()).put("create.hd", hd.get())
                .put(OLD_OPTIMIZE_KEY, null)
                // kept only as a departure from the config, so a changed prompt.optimize takes effect
                .put(OPTIMIZE_KEY, optimizePrompt.get() == optimizeByDefault ? null : optimizePrompt.get())
                .put("create.translate", autoTranslate.get())
                .put("create.count", count.get());
    }

    private static boolean isLongOrBlank(String v) {
        return v == null || v.isBlank() || v.trim().matches("\\d{1,18}");
    }

    private static boolean isIntOrBlank(String v) {
        return v == null || v.isBlank() || v.trim().matches("\\d{1,3}");
    }

    private static boolean isDoubleOrBlank(String v) {
        return v == null || v.isBlank() || v.trim().matches("\\d{1,3}(\\.\\d+)?");
    }
}
