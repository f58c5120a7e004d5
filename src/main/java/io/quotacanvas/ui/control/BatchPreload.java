package io.quotacanvas.ui.control;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.Tile;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/// Pays off the FX thread what the first batch's views would otherwise pay on it, mid-batch: loading and
/// initialising the classes of a run's view-models, the strip's tiles and the chain's cells, and linking
/// the call sites they run first (record methods, string joins, lambdas). [OutcomeIcons#preload] does the
/// same for the icon packs.
///
/// Only throwaway nodes are made: never put in a scene and sharing no observable with the window (a private
/// [I18n]), which JavaFX allows off its thread. Nothing is kept; safe to call once from any thread.
public final class BatchPreload {
    private static final List<String> CLASSES = List.of(
            "io.quotacanvas.ui.viewmodel.Run", "io.quotacanvas.ui.viewmodel.RunSlot",
            "io.quotacanvas.ui.viewmodel.Run$Part", "io.quotacanvas.ui.viewmodel.RunningStrip",
            "io.quotacanvas.ui.control.StripTile", "io.quotacanvas.ui.control.ThinProgress");

    private BatchPreload() {
    }

    /// Loads and links for a studio in `locale` whose chain shows times in `zone`; throws only if a class of
    /// the studio is missing (a broken build).
    public static void run(Locale locale, ZoneId zone) throws ClassNotFoundException {
        for (String name : CLASSES) {
            Class.forName(name, true, BatchPreload.class.getClassLoader());
        }
        I18n i18n = new I18n(locale);
        // first calls link their call sites for everyone
        Tile.Running running = new Tile.Running(0, 0, "");
        running.key();
        running.equals(new Tile.Running(0, 0, ""));
        ChainRow row = ChainRow.running("generate", ProviderId.GITEE, "model", "token");
        row.equals(ChainRow.running("generate", ProviderId.GITEE, "model", "token"));
        new TileFace(null, i18n, StripTile.SIZE, node -> { }, () -> { }).show(new Tile.Running(0, 0, "step"));
        new ChainCell(i18n, zone);
        new BusyIndicator(14);
    }
}
