package io.quotacanvas.ui;

/// The theme a person picks; [#SYSTEM] follows the desktop's colour scheme when it can be read, else light.
public enum ThemeChoice {
    LIGHT, DARK, SYSTEM;

    public static ThemeChoice parse(String name) {
        for (ThemeChoice t : values()) {
            if (t.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return t;
            }
        }
        return SYSTEM;
    }
}
