package io.quotacanvas;

/// Start-up markers for finding where launch time goes: with `QUOTA_CANVAS_TRACE_STARTUP=1` each [#mark]
/// prints `[startup] 123.4 ms <label>` (milliseconds since `main` began) on stderr, never stdout (which
/// belongs to the JSON contract and the MCP protocol). Without the variable a mark costs one branch.
///
/// Thread-safe; static on purpose, like a logger: it is a diagnostic, not a service.
public final class StartupTrace {
    private static final long T0 = System.nanoTime();
    private static final boolean ON = System.getenv("QUOTA_CANVAS_TRACE_STARTUP") != null;

    private StartupTrace() {
    }

    /// Also says how long the JVM took to reach `main` when the variable holds the launch time in epoch
    /// milliseconds (`QUOTA_CANVAS_TRACE_STARTUP=$(date +%s%3N)`), and marks the end of the shutdown hooks.
    static void start() {
        if (!ON) {
            return;
        }
        String launched = System.getenv("QUOTA_CANVAS_TRACE_STARTUP");
        mark(launched.matches("\\d{13}") ? "main (launched " + (System.currentTimeMillis() - Long.parseLong(launched))
                + " ms ago)" : "main");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> mark("shutdown hooks")));
    }

    /// Prints `label` with the time since start-up when tracing is on.
    public static void mark(String label) {
        if (ON) {
            long micros = (System.nanoTime() - T0) / 1_000;
            System.err.println("[startup] " + micros / 1000 + "." + micros / 100 % 10 + " ms " + label);
        }
    }
}
