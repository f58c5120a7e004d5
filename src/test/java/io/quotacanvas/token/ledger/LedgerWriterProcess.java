package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/// A second "Quota Canvas run" for [SqliteLedgerConcurrencyTest]: opens the ledger, says `READY`, waits
/// for `GO` on stdin, then runs [#writeBatch] while the test JVM does the same.
///
/// Arguments: `dbFile tag count`. Exit code 0 when every write went through.
public final class LedgerWriterProcess {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant UNTIL = NOW.plusSeconds(3600);
    static final Token SHARED = new Token(ProviderId.GITEE, 1, new Secret("gitee-shared-token-0000"), "config");

    private LedgerWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (SqliteLedger ledger = new SqliteLedger(Path.of(args[0]), ZoneOffset.UTC)) {
            System.out.println("READY");
            System.out.flush();
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) {
                System.exit(3);
            }
            writeBatch(ledger, args[1], Integer.parseInt(args[2]));
        }
        System.out.println("DONE");
    }

    /// Per `i`: cools the own token `tag-i` for model `m` until [#UNTIL], and counts one success on [#SHARED].
    static void writeBatch(Ledger ledger, String tag, int count) {
        for (int i = 0; i < count; i++) {
            Token own = own(tag, i);
            ledger.cool(own, "m", UNTIL, FailureClass.RATE_LIMITED, tag + " " + i, NOW);
            if (!(ledger.state(own, "m", NOW) instanceof TokenState.Cooling)) {
                throw new AssertionError("own write not visible: " + tag + " " + i);
            }
            ledger.markSuccess(SHARED, "m", NOW);
        }
    }

    static Token own(String tag, int i) {
        return new Token(ProviderId.GITEE, i + 1, new Secret("gitee-" + tag + "-token-" + i), "config");
    }
}
