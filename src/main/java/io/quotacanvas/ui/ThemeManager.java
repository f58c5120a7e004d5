package io.quotacanvas.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/// Applies the AtlantaFX Primer theme: light, dark, or the desktop's colour scheme when the platform
/// reports one (light otherwise). FX thread only.
public final class ThemeManager {
    private ThemeManager() {
    }

    public static void apply(ThemeChoice choice) {
        boolean dark = switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> systemIsDark();
        };
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private static boolean systemIsDark() {
        try {
            return Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
