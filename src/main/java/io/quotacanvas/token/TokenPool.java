package io.quotacanvas.token;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ConfiguredToken;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/// The pooled tokens of every provider, in rotation order, numbered for their labels (`gitee#1`, `gitee#2`…).
/// Immutable and thread-safe.
public final class TokenPool {
    private final Map<ProviderId, List<Token>> tokens;

    private TokenPool(Map<ProviderId, List<Token>> tokens) {
        this.tokens = tokens;
    }

    public static TokenPool fromConfig(AppConfig config) {
        Map<ProviderId, List<Token>> map = new EnumMap<>(ProviderId.class);
        for (ProviderId id : ProviderId.values()) {
            ProviderConfig pc = config.providers().get(id);
            List<Token> list = new ArrayList<>();
            if (pc != null) {
                int ordinal = 1;
                for (ConfiguredToken t : pc.tokens()) {
                    list.add(new Token(id, ordinal++, t.secret(), t.source()));
                }
            }
            map.put(id, List.copyOf(list));
        }
        return new TokenPool(map);
    }

    /// The provider's real tokens in rotation order (never the anonymous pseudo-token).
    public List<Token> tokens(ProviderId provider) {
        return tokens.getOrDefault(provider, List.of());
    }
}
