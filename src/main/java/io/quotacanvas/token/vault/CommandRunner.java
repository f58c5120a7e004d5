package io.quotacanvas.token.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/// Runs an external command (the keyring tools), feeding `stdin` so secrets never appear on a command line.
/// Injected so tests can stand in for a keyring.
@FunctionalInterface
public interface CommandRunner {

    /// Runs `command` with `stdin` (may be null) and waits at most `timeout`.
    ///
    /// @throws IOException when the program can't be started (not installed) or did not finish in time
    Result run(List<String> command, String stdin, Duration timeout) throws IOException;

    /// Exit code and both outputs as text.
    record Result(int exitCode, String stdout, String stderr) {}

    /// The real runner, on [ProcessBuilder].
    CommandRunner SYSTEM = (command, stdin, timeout) -> {
        if (!onPath(command.getFirst(), System.getenv("PATH"))) {
            // what starting it would say, without the cost of a process launch on every run
            throw new IOException("Cannot run program \"" + command.getFirst() + "\": not found on PATH");
        }
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.getFirst() + " was interrupted", e);
        }
    };

    /// False only when `program` is a bare name that no folder of `path` holds as an executable file.
    static boolean onPath(String program, String path) {
        if (program.contains("/") || program.contains(java.io.File.separator) || path == null || path.isBlank()) {
            return true;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return java.io.File.separatorChar == '\\';
    }

    private static String drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            stream.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
