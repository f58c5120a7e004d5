package io.quotacanvas.mcp;

import io.quotacanvas.core.ErrorType;

/// Why a tool call was refused before any work: reported as a tool result with `isError: true` and the
/// contract's `{error_type, error, fallback_chain}` payload.
final class ToolError extends Exception {
    private final ErrorType type;

    ToolError(ErrorType type, String message) {
        super(message);
        this.type = type;
    }

    /// A bad argument: `usage_error`.
    static ToolError usage(String message) {
        return new ToolError(ErrorType.USAGE_ERROR, message);
    }

    ErrorType type() {
        return type;
    }
}
