package io.quotacanvas.cli;

import io.quotacanvas.core.ImageRequest;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// Reads the flags of a plain generate call without building picocli's model, which costs a cold JVM more
/// than a tenth of a second (picocli's class files predate what the start-up cache can keep, and every
/// command's annotations are read by reflection). An agent calls the tool once per image, so this is paid
/// on every image.
///
/// It only accepts what it can read exactly as picocli would: each known generate flag at most once, as
/// `--flag value` or `--flag=value`, values that don't start with `-` or `@`, and plain decimal numbers.
/// Anything else (help, a subcommand, an unknown or repeated flag, an argument file, a number picocli
/// should judge) is left to picocli, so usage errors and their messages come from one place.
final class GenerateFastPath {
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    private static final Set<String> VALUED = Set.of("--prompt", "--provider", "--model", "--aspect-ratio", "--seed",
            "--steps", "--guidance-scale", "--config", "--output", "--count", "--timeout");

    private GenerateFastPath() {
    }

    /// The command with its fields set as picocli would set them, or empty when picocli must parse `args`.
    static Optional<GenerateCommand> parse(String[] args, CliContext context) {
        GenerateCommand cmd = defaults(new GenerateCommand(context));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!name.startsWith("--") || !seen.add(canonical(name))) {
                return Optional.empty();
            }
            if (VALUED.contains(name)) {
                String value = eq > 0 ? arg.substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.startsWith("-") || value.startsWith("@") || !set(cmd, name, value)) {
                    return Optional.empty();
                }
            } else if (eq > 0 || !flag(cmd, name)) {
                return Optional.empty();
            }
        }
        return Optional.of(cmd);
    }

    /// The annotations' default values (picocli applies them when it parses), from the same constants.
    private static GenerateCommand defaults(GenerateCommand cmd) {
        cmd.provider = GenerateCommand.AUTO;
        cmd.aspectRatio = ImageRequest.DEFAULT_ASPECT_RATIO_LABEL;
        cmd.count = 1;
        cmd.timeoutSeconds = Double.parseDouble(ImageRequest.DEFAULT_TIMEOUT_SECONDS);
        return cmd;
    }

    private static String canonical(String name) {
        return name.startsWith("--no-") ? "--" + name.substring(5) : name;
    }

    private static boolean flag(GenerateCommand cmd, String name) {
        switch (name) {
            case "--enable-hd" -> cmd.enableHd = true;
            case "--json" -> cmd.json = true;
            case "--quiet" -> cmd.quiet = true;
            case "--optimize-prompt", "--no-optimize-prompt" -> cmd.optimizePrompt = name.equals("--optimize-prompt");
            case "--auto-translate", "--no-auto-translate" -> cmd.autoTranslate = name.equals("--auto-translate");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean set(GenerateCommand cmd, String name, String value) {
        switch (name) {
            case "--prompt" -> cmd.prompt = value;
            case "--provider" -> cmd.provider = value;
            case "--model" -> cmd.model = value;
            case "--aspect-ratio" -> cmd.aspectRatio = value;
            case "--seed" -> cmd.seed = WHOLE.matcher(value).matches() ? Long.valueOf(value) : null;
            case "--steps" -> cmd.steps = WHOLE.matcher(value).matches() ? Integer.valueOf(value) : null;
            case "--guidance-scale" -> cmd.guidanceScale = DECIMAL.matcher(value).matches() ? Double.valueOf(value) : null;
            case "--count" -> {
                if (!WHOLE.matcher(value).matches()) {
                    return false;
                }
                cmd.count = Integer.parseInt(value);
            }
            case "--timeout" -> {
                if (!DECIMAL.matcher(value).matches()) {
                    return false;
                }
                cmd.timeoutSeconds = Double.parseDouble(value);
            }
            case "--config" -> cmd.config = path(value);
            case "--output" -> cmd.output = path(value);
            default -> {
                return false;
            }
        }
        return switch (name) {
            case "--seed" -> cmd.seed != null;
            case "--steps" -> cmd.steps != null;
            case "--guidance-scale" -> cmd.guidanceScale != null;
            case "--config" -> cmd.config != null;
            case "--output" -> cmd.output != null;
            default -> true;
        };
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
