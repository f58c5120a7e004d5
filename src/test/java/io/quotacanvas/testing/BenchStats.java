package io.quotacanvas.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/// Order statistics and output for the benchmarks (they print figures; they never assert on time).
public final class BenchStats {
    private BenchStats() {
    }

    public static long median(List<Long> values) {
        return percentile(values, 50);
    }

    /// The nearest-rank `p`-th percentile of `values` (not empty).
    public static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    /// One `[bench]` line on stdout, flushed at once.
    public static void print(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }
}
