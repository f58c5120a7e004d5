package io.quotacanvas.cli;

import java.io.PrintWriter;

/// Where a command writes: `out` for results (paths or JSON), `err` for progress and messages.
/// Both are picocli's writers in production and string buffers in tests.
public record Output(PrintWriter out, PrintWriter err) {}
