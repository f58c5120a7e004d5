package io.quotacanvas.token.ledger;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.storage.PostgresDatabase;
import io.quotacanvas.storage.PostgresTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/// One "Quota Canvas process" for [LeaseAcrossProcessesTest]: opens the shared ledger, says `READY`, waits
/// for `GO`, then tries `rounds` times to take the one slot of [#TOKEN]. While it holds the slot it adds 1 to
/// a counter file shared with the other process (under an OS file lock), notes the highest value it saw,
/// waits a little and takes 1 away: two holders at once would show as 2. Prints `MAX <seen> TAKEN <n>`.
///
/// Arguments: `counterFile rounds sqlite <dbFile>` or `counterFile rounds postgres <jdbcUrl> <user> <password>`.
public final class LeaseHammerProcess {
    static final Token TOKEN = new Token(ProviderId.GITEE, 1, new Secret("gitee-hammered-token-0001"), "config");

    private LeaseHammerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path counter = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        try (Ledger ledger = open(args)) {
            System.out.println("READY");
            System.out.flush();
            if (!"GO".equals(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine())) {
                System.exit(3);
            }
            String holder = Ledger.newHolderId();
            int most = 0;
            int taken = 0;
            for (int i = 0; i < rounds; i++) {
                Instant now = Instant.now();
                Optional<Ledger.Lease> lease = ledger.tryLease(TOKEN, 1, holder, now, now.plusSeconds(60));
                if (lease.isEmpty()) {
                    Thread.sleep(1);
                    continue;
                }
                taken++;
                most = Math.max(most, add(counter, 1));
                Thread.sleep(2);
                add(counter, -1);
                ledger.release(lease.get());
            }
            System.out.println("MAX " + most + " TAKEN " + taken);
        }
    }

    private static Ledger open(String[] args) {
        if (args[2].equals("sqlite")) {
            return new SqliteLedger(Path.of(args[3]), ZoneOffset.UTC);
        }
        PostgresTarget target = new PostgresTarget(args[3], args[4], args[5], "test", Duration.ofSeconds(5));
        return new PostgresLedger(PostgresDatabase.open(target, "ledger database"), ZoneOffset.UTC);
    }

    /// Adds `delta` to the number in `file` under an exclusive lock and returns the new value.
    private static int add(Path file, int delta) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            ByteBuffer buf = ByteBuffer.allocate(4);
            int value = ch.read(buf, 0) == 4 ? buf.flip().getInt() : 0;
            value += delta;
            ch.write(ByteBuffer.allocate(4).putInt(0, value), 0);
            return value;
        }
    }
}
