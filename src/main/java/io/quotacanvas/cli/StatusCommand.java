package io.quotacanvas.cli;

import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.contract.TokenPayloads;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.ProviderGuide;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.QuotaStatus.ModelStatus;
import io.quotacanvas.token.QuotaStatus.ProviderStatus;
import io.quotacanvas.token.QuotaStatus.StatusReport;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `quota-canvas status [--provider P] [--json]`: what can still be generated, per provider and model.
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows per provider and model the ready, cooling and invalid tokens, known remaining "
                + "calls, anonymous availability, images made today and the next reset.")
final class StatusCommand extends AppCommand {

    @Option(names = "--provider", paramLabel = "NAME", description = "Only this provider.")
    String provider;

    StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    String validate() {
        return checkProvider(provider);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        StatusReport report = app.quotaStatus().report();
        ProviderId only = providerOrNull(provider);
        List<ProviderStatus> shown = report.providers().stream()
                .filter(p -> only == null || p.provider() == only).toList();
        // with no token anywhere, say what works now and how to add one (in JSON a field present only then)
        String hint = report.providers().stream().allMatch(p -> p.tokens().isEmpty()) ? noTokensHint() : null;
        if (json) {
            Map<String, Object> payload = TokenPayloads.status(report.at(), shown);
            if (hint != null) {
                payload.put("hint", hint);
            }
            payload.put("ledger", app.ledger().describe());
            io.out().println(JsonPayloads.write(payload));
        } else {
            if (hint != null) {
                io.out().println(wrap(hint, 100));
                io.out().println();
            }
            shown.forEach(p -> text(p, io));
            io.out().println("ledger: " + app.ledger().describe());
        }
        io.out().flush();
        return ExitCode.ALL;
    }

    /// One short paragraph for a newcomer: what works with no token, where free tokens come from, how to add.
    static String noTokensHint() {
        String sites = ProviderGuide.all().stream().filter(g -> g.tokenUrl() != null)
                .map(g -> g.provider().wireName() + " " + g.tokenUrl()).collect(Collectors.joining(", "));
        return "No tokens yet. " + ProviderGuide.ANONYMOUS + ". A free token gives much more; get one at " + sites
                + ", then add it with `quota-canvas tokens add --provider NAME < token.txt` or paste it into the"
                + " studio's welcome panel or Tokens window.";
    }

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : text.split(" ")) {
            if (line > 0 && line + 1 + word.length() > width) {
                out.append('\n');
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    private static void text(ProviderStatus p, Output io) {
        ZoneId zone = ZoneId.systemDefault();
        long ready = p.tokens().stream().filter(t -> t.entry().enabled() && t.state().usable()).count();
        String off = p.setupProblem() != null ? " (not usable: " + p.setupProblem() + ")"
                : p.enabled() ? "" : " (disabled in config)";
        io.out().println(p.provider().wireName() + off + ": "
                + p.tokens().size() + " token" + (p.tokens().size() == 1 ? "" : "s") + ", " + ready + " ready; "
                + p.imagesToday() + " image" + (p.imagesToday() == 1 ? "" : "s") + " today"
                + (p.nextReady() == null ? "" : "; next token back " + TokenPayloads.local(p.nextReady(), zone))
                + (p.nextReset() == null ? "" : "; quota resets " + TokenPayloads.local(p.nextReset(), zone)));
        if (p.anonymous() != null) {
            io.out().println("  anonymous: " + (p.anonymous().allowed()
                    ? TokenPayloads.describe(p.anonymous().state(), zone) : "off (public_fallback: false)"));
        }
        for (ModelStatus m : p.models()) {
            io.out().println("  " + m.model() + ": " + modelLine(m, zone));
        }
    }

    private static String modelLine(ModelStatus m, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        parts.add(m.ready() + " ready");
        if (!m.cooling().isEmpty()) {
            parts.add(m.cooling().size() + " cooling (" + String.join(", ", m.cooling().stream()
                    .map(c -> c.label() + " until " + TokenPayloads.local(c.until(), zone) + ", " + c.reason())
                    .toList()) + ")");
        }
        if (m.invalid() > 0) {
            parts.add(m.invalid() + " invalid");
        }
        if (m.disabled() > 0) {
            parts.add(m.disabled() + " disabled");
        }
        if (m.knownRemaining() != null) {
            parts.add(m.knownRemaining() + " calls left");
        }
        if (m.anonymousReady() != null) {
            parts.add("anonymous " + (m.anonymousReady() ? "ready" : "not available"));
        }
        if (m.unavailableUntil() != null) {
            parts.add("model unavailable until " + TokenPayloads.local(m.unavailableUntil(), zone));
        }
        return String.join(", ", parts);
    }

}
