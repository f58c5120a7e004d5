package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ConfigException;
import io.quotacanvas.config.ConfigProblem;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.OutputPaths;
import io.quotacanvas.provider.CallScope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/// `quota-canvas --prompt "…" [options]`: generates images and prints their paths, or the JSON contract.
@Command(name = "quota-canvas", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Turns text into images on free provider quotas, rotating tokens and falling back across "
                + "providers and models. With no arguments at all, opens the desktop studio.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image was made", "1:no image was made", "2:bad flags or config",
                "3:some images of a batch were made"})
public final class GenerateCommand implements Callable<Integer> {
    /// `--provider`'s value for automatic routing, and its default.
    static final String AUTO = "auto";

    @Spec
    CommandSpec spec;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "What to draw (required).")
    String prompt;

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = AUTO,
            description = "auto, huggingface, gitee, modelscope, a4f or openai_compatible (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Canonical model (default: routing.default_model, z-image-turbo).")
    String model;

    @Option(names = "--aspect-ratio", paramLabel = "W:H", defaultValue = ImageRequest.DEFAULT_ASPECT_RATIO_LABEL,
            description = "1:1 16:9 9:16 4:3 3:4 3:2 2:3 4:5 5:4 (default: ${DEFAULT-VALUE}).")
    String aspectRatio;

    @Option(names = "--seed", paramLabel = "N", description = "Seed; a batch uses seed+index. Random if unset.")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Inference steps (default: the model's).")
    Integer steps;

    @Option(names = "--guidance-scale", paramLabel = "X", description = "Guidance scale (default: the model's).")
    Double guidanceScale;

    @Option(names = "--enable-hd",
            description = "Higher resolution: the model's hd_scale (x2 by default, x1.5 for FLUX on Gitee), within the"
                    + " provider's max_size.")
    boolean enableHd;

    @Option(names = "--optimize-prompt", negatable = true,
            description = "Rewrite the prompt with a text model first (default: prompt.optimize, on): a provider's "
                    + "with a ready token, else the keyless public endpoint of prompt.keyless (a third party).")
    Boolean optimizePrompt;

    @Option(names = "--auto-translate", negatable = true,
            description = "Translate non-English prompts for English-only models (default: prompt.auto_translate, off).")
    Boolean autoTranslate;

    @Option(names = Globals.CONFIG, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Config file (default: the user's config.yaml). Before or after a subcommand.")
    Path config;

    @Option(names = "--output", paramLabel = "PATH",
            description = "Also write the PNG here (a batch adds -1, -2…; a folder gets <id>.png).")
    Path output;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Images to make (1-" + ImageRequest.MAX_COUNT + ").")
    int count;

    @Option(names = Globals.JSON, scope = ScopeType.INHERIT,
            description = "Print JSON on stdout (the contract, or an error payload) instead of text.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = ImageRequest.DEFAULT_TIMEOUT_SECONDS,
            description = "Time limit per image in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    private final CliContext context;

    GenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return execute(new Output(spec.commandLine().getOut(), spec.commandLine().getErr()));
    }

    /// Runs the parsed command, printing to `io`; returns the exit code. [GenerateFastPath] calls it directly.
    /// Config, storage and startup failures are thrown for [CliErrors].
    int execute(Output io) throws ConfigException, QuotaCanvas.StartupException {
        Reporter reporter = new Reporter(io, json);
        String usage = validate();
        if (usage != null) {
            return reporter.usageError(usage);
        }
        try (QuotaCanvas app = context.opener().open(config, context.env(), context.clock())) {
            ImageRequest request = toRequest(app.config());
            requireCallable(app.config(), request.provider());
            EngineListener progress = quiet ? EngineListener.NONE
                    : new ProgressPrinter(io.err(), count, ZoneId.systemDefault());
            BatchResult batch = app.engine().run(request, new OutputPaths(output, count), progress, new CallScope());
            return reporter.batch(batch, count == 1);
        }
    }

    /// Checks the flags picocli can't; returns a message for a person, or null when all is well.
    private String validate() {
        if (prompt == null) {
            return "Missing required option: '--prompt=TEXT'";
        }
        if (prompt.isBlank()) {
            return "--prompt is empty; say what to draw, e.g. --prompt \"a red fox in snow\".";
        }
        if (!AUTO.equalsIgnoreCase(provider) && ProviderId.fromWireName(provider).isEmpty()) {
            return "Unknown --provider '" + provider + "'; use auto, huggingface, gitee, modelscope, a4f or "
                    + "openai_compatible.";
        }
        if (AspectRatio.fromLabel(aspectRatio).isEmpty()) {
            return "Unknown --aspect-ratio '" + aspectRatio + "'; use 1:1 16:9 9:16 4:3 3:4 3:2 2:3 4:5 5:4.";
        }
        return validateNumbers();
    }

    private String validateNumbers() {
        if (count < 1 || count > ImageRequest.MAX_COUNT) {
            return "--count must be between 1 and " + ImageRequest.MAX_COUNT + " (got " + count + ").";
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
            return "--timeout must be a number of seconds above 0 (got " + timeoutSeconds + ").";
        }
        if (steps != null && (steps < 1 || steps > 200)) {
            return "--steps must be between 1 and 200 (got " + steps + ").";
        }
        if (guidanceScale != null && (guidanceScale < 0 || guidanceScale > 50 || guidanceScale.isNaN())) {
            return "--guidance-scale must be between 0 and 50 (got " + guidanceScale + ").";
        }
        if (seed != null && seed < 0) {
            return "--seed must not be negative (got " + seed + ").";
        }
        return null;
    }

    /// A provider asked for by name that can't be called as configured (an OpenAI-compatible endpoint without
    /// a base URL) is a config error naming what to set, before any request.
    private static void requireCallable(AppConfig cfg, ProviderId chosen) throws ConfigException {
        String problem = chosen == null ? null : cfg.provider(chosen).setupProblem();
        if (problem != null) {
            throw new ConfigException(List.of(new ConfigProblem(cfg.source(), 0,
                    "providers." + chosen.wireName() + ".base_url", problem)));
        }
    }

    private ImageRequest toRequest(AppConfig cfg) {
        ProviderId chosen = AUTO.equalsIgnoreCase(provider) ? null : ProviderId.fromWireName(provider).orElseThrow();
        return new ImageRequest(prompt.strip(), chosen, model != null ? model : cfg.routing().defaultModel(),
                AspectRatio.fromLabel(aspectRatio).orElseThrow(), seed, steps, guidanceScale, enableHd,
                optimizePrompt != null ? optimizePrompt : cfg.prompt().optimize(),
                autoTranslate != null ? autoTranslate : cfg.prompt().autoTranslate(), count,
                Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
    }

    /// Prints results and errors in the chosen form and picks the exit code.
    record Reporter(Output io, boolean json) {

        int batch(BatchResult batch, boolean single) {
            if (json) {
                io.out().println(JsonPayloads.write(JsonPayloads.forBatch(batch, single)));
            } else {
                for (ImageResult r : batch.images()) {
                    if (r instanceof ImageResult.Generated g) {
                        io.out().println(g.extraPaths().isEmpty() ? g.savedPath() : g.extraPaths().getFirst());
                    } else if (r instanceof ImageResult.Failed f) {
                        io.err().println("Image " + (f.index() + 1) + " failed (" + f.errorType() + "): " + f.error());
                    }
                }
            }
            io.out().flush();
            io.err().flush();
            return batch.allGenerated() ? ExitCode.ALL : batch.noneGenerated() ? ExitCode.NONE : ExitCode.SOME;
        }

        int usageError(String message) {
            return fail(ExitCode.USAGE, ErrorType.USAGE_ERROR, message, Map.of(),
                    message + "\nSee 'quota-canvas --help'.");
        }

        int configError(ConfigException e) {
            var problems = e.problems().stream().map(Object::toString).toList();
            return fail(ExitCode.USAGE, ErrorType.CONFIG_ERROR, "The config has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was changed.", Map.of("problems", problems),
                    "The config has problems; nothing was changed:\n  " + String.join("\n  ", problems));
        }

        int startupError(String message) {
            return fail(ExitCode.NONE, ErrorType.STORAGE_ERROR, message, Map.of(), message);
        }

        /// Prints an error as `{error_type, error, …details}` on stdout with `--json`, else `text` on stderr.
        int fail(int code, ErrorType type, String message, Map<String, Object> details, String text) {
            if (json) {
                io.out().println(JsonPayloads.write(JsonPayloads.error(type, message, details)));
            } else {
                io.err().println(text);
            }
            io.out().flush();
            io.err().flush();
            return code;
        }
    }
}
