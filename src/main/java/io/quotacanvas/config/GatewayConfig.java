package io.quotacanvas.config;

import io.quotacanvas.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/// `gateway:` — the OpenAI-compatible images API of `quota-canvas serve`. Immutable.
///
/// - `host`, `port`: where it listens (the command's `--host`/`--port` override them).
/// - `apiKeys`: keys clients send as `Authorization: Bearer …` (config file and `QUOTA_CANVAS_GATEWAY_KEYS`);
///   the vault's hashed keys (`quota-canvas gateway keys add`) count as well.
/// - `maxQueue`: images admitted at once (running or waiting for a token) over all requests.
/// - `maxBodyBytes`: the largest request body read.
/// - `fileTtl`: how long `url` answers stay fetchable; `imageTimeout`: the time limit of each image.
/// - `shutdownGrace`: how long running images may finish on SIGTERM before they are cancelled.
/// - `publicUrl`: base of the URLs handed out (null: the request's own `Host`).
/// - `cors`: browser origins allowed to call the API (`*` for any); empty sends no CORS headers.
/// - `modelAliases`: model names clients insist on (`dall-e-3`) → canonical models.
public record GatewayConfig(String host, int port, List<Secret> apiKeys, int maxQueue, long maxBodyBytes,
                            Duration fileTtl, Duration imageTimeout, Duration shutdownGrace, URI publicUrl,
                            List<String> cors, Map<String, String> modelAliases) {

    /// The environment variable with more keys, comma-separated.
    public static final String KEYS_VARIABLE = "QUOTA_CANVAS_GATEWAY_KEYS";
    /// Shorter keys are refused: a key is a password that never needs typing.
    public static final int MIN_KEY_LENGTH = 16;

    @Override
    public String toString() {
        // never the keys, even in a debugger's or a log's view of the record
        return "GatewayConfig[" + host + ":" + port + ", " + apiKeys.size() + " keys, maxQueue=" + maxQueue + "]";
    }
}
