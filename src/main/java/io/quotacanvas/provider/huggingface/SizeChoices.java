package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.ImageSize;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Picks the Space's dropdown choice that fits a requested size: a resolution string such as
/// `1024x1024 ( 1:1 )` or an aspect ratio such as `3:4`. Pure and thread-safe.
public final class SizeChoices {
    private static final Pattern WXH = Pattern.compile("(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})");
    private static final Pattern RATIO = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*:\\s*(\\d+(?:\\.\\d+)?)");
    /// Ratios this close (in log space, about 1 %) count as the same shape; then size decides.
    private static final double SAME_SHAPE = 0.01;

    private SizeChoices() {}

    private record Candidate(String choice, double shapeGap, double sizeGap) {}

    /// The resolution choice whose ratio is closest to `size`'s, preferring the pixel count closest to
    /// `size`'s among equally shaped ones; `WxH` when no choice names a size.
    public static String resolution(List<String> choices, ImageSize size) {
        List<Candidate> candidates = choices.stream().map(c -> resolutionCandidate(c, size)).filter(Objects::nonNull)
                .toList();
        if (candidates.isEmpty()) {
            return size.wxh();
        }
        double bestShape = candidates.stream().mapToDouble(Candidate::shapeGap).min().orElseThrow();
        return candidates.stream().filter(c -> c.shapeGap() <= bestShape + SAME_SHAPE)
                .min(Comparator.comparingDouble(Candidate::sizeGap)).orElseThrow().choice();
    }

    /// The aspect-ratio choice closest to `size`'s shape; `fallbackLabel` when no choice is a ratio.
    public static String aspectRatio(List<String> choices, ImageSize size, String fallbackLabel) {
        return choices.stream().map(c -> ratioCandidate(c, size)).filter(Objects::nonNull)
                .min(Comparator.comparingDouble(Candidate::shapeGap)).map(Candidate::choice).orElse(fallbackLabel);
    }

    private static Candidate resolutionCandidate(String choice, ImageSize size) {
        Matcher m = WXH.matcher(choice);
        if (!m.find()) {
            return null;
        }
        double w = Double.parseDouble(m.group(1));
        double h = Double.parseDouble(m.group(2));
        double area = (double) size.width() * size.height();
        return new Candidate(choice, shapeGap(w, h, size), Math.abs(Math.log(w * h / area)));
    }

    private static Candidate ratioCandidate(String choice, ImageSize size) {
        Matcher m = RATIO.matcher(choice);
        if (!m.find()) {
            return null;
        }
        double w = Double.parseDouble(m.group(1));
        double h = Double.parseDouble(m.group(2));
        return w <= 0 || h <= 0 ? null : new Candidate(choice, shapeGap(w, h, size), 0);
    }

    private static double shapeGap(double w, double h, ImageSize size) {
        return Math.abs(Math.log(w / h) - Math.log((double) size.width() / size.height()));
    }
}
