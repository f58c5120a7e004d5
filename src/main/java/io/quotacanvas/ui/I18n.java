package io.quotacanvas.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// Every visible string, from the `messages` bundles, in the current language. Switching [#localeProperty]
/// updates every binding made by [#text] at once, so the window relabels itself without a restart.
///
/// Use on the FX thread (or in toolkit-free tests).
public final class I18n {
    /// The languages the studio ships, in menu order.
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private static final String BUNDLE = "io.quotacanvas.ui.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /// The nearest shipped language: Chinese for any `zh` locale, English otherwise.
    public static Locale supported(Locale wanted) {
        return wanted != null && "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /// The message for `key`, formatted with `args` ([MessageFormat]); the key itself if it is missing.
    public String get(String key, Object... args) {
        String pattern;
        try {
            // looked up on each call (ResourceBundle caches): bindings re-read during the locale's
            // invalidation, before any change listener could have swapped a cached bundle
            pattern = load(locale.get()).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    /// A binding that follows the language.
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /// A binding over `compute` that follows the language and `dependencies`.
    public StringBinding text(Callable<String> compute, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = locale;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(compute, all);
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
