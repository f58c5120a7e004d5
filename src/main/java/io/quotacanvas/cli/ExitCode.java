package io.quotacanvas.cli;

/// The command line's exit codes, part of its stable contract.
public final class ExitCode {
    /// Every image was made.
    public static final int ALL = 0;
    /// No image was made.
    public static final int NONE = 1;
    /// Bad flags or a broken config; nothing was attempted.
    public static final int USAGE = 2;
    /// Some images of a batch were made, some not.
    public static final int SOME = 3;

    private ExitCode() {
    }
}
