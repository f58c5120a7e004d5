package io.quotacanvas.provider;

/// Shortens provider text for messages people read: whitespace collapsed, at most `max` characters.
public final class TextSnippets {
    /// How much of a provider's own message an outcome quotes.
    public static final int MESSAGE_CHARS = 300;

    private TextSnippets() {}

    /// `text` on one line, cut to `max` characters with `…`; null becomes "".
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
