package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import java.util.List;

/// One provider in the "What can I still generate today?" panel: a summary (images today, next quota
/// reset, enabled or not) and one line per model. Immutable; every text is ready to show.
public record QuotaGroup(ProviderId provider, String header, List<Line> lines) {

    public QuotaGroup {
        lines = List.copyOf(lines);
    }

    /// One model: ready tokens (of the enabled ones), cooling tokens with their reset times, the known
    /// remaining calls and whether the anonymous route is open ("" where it doesn't apply).
    public record Line(String model, String ready, String cooling, String remaining, String anonymous) {}
}
