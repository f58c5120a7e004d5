package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.contract.TokenPayloads;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.PoolEntry;
import io.quotacanvas.token.probe.ProbeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `quota-canvas tokens test [--provider P]`: runs each token's free probe and records the verdict
/// (invalid tokens are marked; a passing test brings an invalid token back).
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks tokens with a request that spends no image quota where the provider allows it.")
final class TokensTestCommand extends AppCommand {

    @Option(names = "--provider", paramLabel = "NAME", description = "Only this provider.")
    String provider;

    TokensTestCommand(CliContext context) {
        super(context);
    }

    @Override
    String validate() {
        return checkProvider(provider);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        ProviderId only = providerOrNull(provider);
        List<Token> tokens = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            if (only == null || only == id) {
                app.tokenPool().entries(id).stream().map(PoolEntry::token).forEach(tokens::add);
            }
        }
        if (tokens.isEmpty()) {
            String message = "No tokens to test" + (only == null ? "" : " for " + only.wireName()) + ".";
            return reporter.fail(ExitCode.NONE, ErrorType.NOTHING_TO_DO, message, Map.of(), message);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (Token token : tokens) {
            ProbeResult r = app.tokenTester().test(token);
            failed += r.failed() ? 1 : 0;
            results.add(TokenPayloads.probe(token, r));
            if (!json) {
                io.out().println(token.label() + "  " + r.kind().wireName() + "  " + r.message());
                io.out().flush();
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("results", results);
            m.put("failed", failed);
            io.out().println(JsonPayloads.write(m));
            io.out().flush();
        }
        return failed == 0 ? ExitCode.ALL : ExitCode.NONE;
    }
}
