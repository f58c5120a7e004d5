package io.quotacanvas.gateway;

import io.quotacanvas.core.AspectRatio;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// OpenAI's `size` → the nearest aspect ratio we generate: `auto` (or no size) is square; `WxH` (OpenAI's
/// fixed sizes `1024x1024`, `1792x1024`, `1536x1024`… or any other) goes to the ratio closest on a log scale, so
/// `1792x1024` (1.75) is 16:9 and `1536x1024` (1.5) is 3:2; our own labels (`16:9`) are taken as they are. Pure.
final class SizeMapping {
    private static final Pattern WXH = Pattern.compile("(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})");
    private static final int MAX_SIDE = 16_384;

    private SizeMapping() {
    }

    /// The ratio for `size`, or empty when it is neither `auto`, `WxH` nor a ratio label.
    static Optional<AspectRatio> aspectRatio(String size) {
        if (size == null || size.isBlank() || size.strip().equalsIgnoreCase("auto")) {
            return Optional.of(AspectRatio.SQUARE);
        }
        Optional<AspectRatio> label = AspectRatio.fromLabel(size);
        if (label.isPresent()) {
            return label;
        }
        Matcher m = WXH.matcher(size.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
            return Optional.empty();
        }
        double wanted = Math.log((double) w / h);
        return Arrays.stream(AspectRatio.values())
                .min(Comparator.comparingDouble(a -> Math.abs(Math.log((double) a.width() / a.height()) - wanted)));
    }
}
