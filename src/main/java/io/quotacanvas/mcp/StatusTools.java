package io.quotacanvas.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.quotacanvas.config.AppConfig;
import io.quotacanvas.contract.TokenPayloads;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.QuotaStatus;
import io.quotacanvas.token.QuotaStatus.ModelStatus;
import io.quotacanvas.token.QuotaStatus.ProviderStatus;
import io.quotacanvas.token.QuotaStatus.StatusReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// `quota_status` (the `status --json` document) and `list_models` (per provider its canonical models,
/// the provider's ids for them and whether a request could go out now). Read-only; tokens only masked.
final class StatusTools {
    private final QuotaStatus status;
    private final AppConfig config;

    StatusTools(QuotaStatus status, AppConfig config) {
        this.status = status;
        this.config = config;
    }

    List<SyncToolSpecification> specs() {
        return List.of(
                ToolResults.tool("quota_status", "Quota status", """
                        What can still be generated: per provider the ready, cooling and invalid tokens (masked), \
                        images made today and when quotas reset; per model the ready tokens and until when the \
                        others cool.""", true, this::quota),
                ToolResults.tool("list_models", "List models", """
                        Per provider the canonical models generate_image accepts, the provider's own id for each, \
                        and whether a request could go out now.""", true, this::models));
    }

    private CallToolResult quota(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) throws ToolError {
        StatusReport report = report(new Args(request.arguments(), List.of("provider")));
        List<ProviderStatus> shown = report.providers();
        Map<String, Object> payload = TokenPayloads.status(report.at(), shown);
        StringBuilder text = new StringBuilder();
        for (ProviderStatus p : shown) {
            long ready = p.tokens().stream().filter(t -> t.entry().enabled() && t.state().usable()).count();
            text.append(p.provider().wireName()).append(p.enabled() ? "" : " (disabled)").append(": ")
                    .append(ready).append(" of ").append(p.tokens().size()).append(" tokens ready, ")
                    .append(p.imagesToday()).append(" images today")
                    .append(p.nextReset() == null ? "" : ", quota resets " + p.nextReset()).append('\n');
        }
        return ToolResults.result(payload, text.toString().strip(), List.of(), false);
    }

    private CallToolResult models(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) throws ToolError {
        List<ProviderStatus> shown = report(new Args(request.arguments(), List.of("provider"))).providers();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("default_model", config.routing().defaultModel());
        payload.put("providers", shown.stream().map(this::provider).toList());
        StringBuilder text = new StringBuilder();
        for (ProviderStatus p : shown) {
            text.append(p.provider().wireName()).append(": ").append(String.join(", ", p.models().stream()
                    .map(m -> m.model() + (available(p, m) ? "" : " (not ready)")).toList())).append('\n');
        }
        return ToolResults.result(payload, text.toString().strip(), List.of(), false);
    }

    private Map<String, Object> provider(ProviderStatus p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", p.provider().wireName());
        m.put("enabled", p.enabled());
        m.put("default_model", config.provider(p.provider()).defaultModel());
        m.put("models", p.models().stream().map(s -> model(p, s)).toList());
        return m;
    }

    private static Map<String, Object> model(ProviderStatus p, ModelStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.model());
        m.put("provider_model", s.providerModel());
        m.put("ready", s.ready());
        m.put("cooling", s.cooling().size());
        m.put("known_remaining", s.knownRemaining());
        m.put("anonymous_ready", s.anonymousReady());
        m.put("unavailable_until", s.unavailableUntil() == null ? null : s.unavailableUntil().toString());
        m.put("available", available(p, s));
        return m;
    }

    private static boolean available(ProviderStatus p, ModelStatus s) {
        return p.enabled() && s.unavailableUntil() == null && (s.ready() > 0 || Boolean.TRUE.equals(s.anonymousReady()));
    }

    /// The status report, only the provider named by the `provider` argument when there is one.
    private StatusReport report(Args args) throws ToolError {
        String name = args.string("provider");
        ProviderId only = name == null ? null : ProviderId.fromWireName(name).orElseThrow(() -> Args.bad("provider",
                name, "use huggingface, gitee, modelscope, a4f or openai_compatible"));
        StatusReport report = status.report();
        return new StatusReport(report.at(),
                report.providers().stream().filter(p -> only == null || p.provider() == only).toList());
    }
}
