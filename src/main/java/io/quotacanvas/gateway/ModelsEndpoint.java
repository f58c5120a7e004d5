package io.quotacanvas.gateway;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.QuotaStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// `GET /v1/models` and `GET /v1/models/{id}`: the canonical models in OpenAI's list shape
/// (`{object: "list", data: [{id, object: "model", created, owned_by}]}`) plus their readiness now, from the
/// ledger: `ready` (some token, or Hugging Face's anonymous route, can take it), `ready_tokens`,
/// `cooling_tokens`, `next_ready` (when the first cooling token is back) and one row per provider. Aliases
/// are listed too, with `alias_of`. Thread-safe.
final class ModelsEndpoint {
    private final ModelCatalog catalog;
    private final QuotaStatus status;
    private final long created;

    ModelsEndpoint(ModelCatalog catalog, QuotaStatus status, Instant started) {
        this.catalog = catalog;
        this.status = status;
        this.created = started.getEpochSecond();
    }

    Reply list() {
        QuotaStatus.StatusReport report = status.report();
        List<Map<String, Object>> data = new ArrayList<>();
        catalog.models().forEach(m -> data.add(model(m, m, report)));
        catalog.aliases().forEach((alias, target) -> data.add(model(alias, target, report)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        return Reply.json(200, body);
    }

    Reply one(String id) {
        String model = catalog.resolve(id);
        if (model == null || id.isBlank()) {
            return Reply.error(ApiError.modelNotFound(id, catalog.known()));
        }
        return Reply.json(200, model(id, model, status.report()));
    }

    private Map<String, Object> model(String id, String canonical, QuotaStatus.StatusReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", created);
        m.put("owned_by", "quota-canvas");
        if (!id.equals(canonical)) {
            m.put("alias_of", canonical);
        }
        List<Map<String, Object>> providers = new ArrayList<>();
        int ready = 0;
        int cooling = 0;
        boolean anyReady = false;
        Instant next = null;
        for (QuotaStatus.ProviderStatus p : report.providers()) {
            if (!p.enabled() || !catalog.providersOf(canonical).contains(p.provider())) {
                continue;
            }
            QuotaStatus.ModelStatus ms = p.models().stream().filter(x -> x.model().equals(canonical)).findFirst()
                    .orElse(null);
            if (ms == null) {
                continue;
            }
            Instant first = ms.cooling().stream().map(QuotaStatus.CoolingToken::until).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            boolean up = ms.unavailableUntil() == null && (ms.ready() > 0 || Boolean.TRUE.equals(ms.anonymousReady()));
            ready += ms.ready();
            cooling += ms.cooling().size();
            anyReady |= up;
            next = first != null && (next == null || first.isBefore(next)) ? first : next;
            providers.add(provider(p.provider(), ms, up, first));
        }
        m.put("ready", anyReady);
        m.put("ready_tokens", ready);
        m.put("cooling_tokens", cooling);
        m.put("next_ready", next == null ? null : next.toString());
        m.put("providers", providers);
        return m;
    }

    private static Map<String, Object> provider(ProviderId id, QuotaStatus.ModelStatus ms, boolean up, Instant first) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("provider", id.wireName());
        p.put("provider_model", ms.providerModel());
        p.put("ready", up);
        p.put("ready_tokens", ms.ready());
        p.put("cooling_tokens", ms.cooling().size());
        p.put("invalid_tokens", ms.invalid());
        p.put("anonymous_ready", ms.anonymousReady());
        p.put("next_ready", first == null ? null : first.toString());
        p.put("unavailable_until", ms.unavailableUntil() == null ? null : ms.unavailableUntil().toString());
        return p;
    }
}
