package io.quotacanvas.token.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.storage.PostgresDatabase;
import io.quotacanvas.storage.PostgresTarget;
import io.quotacanvas.storage.StorageException;
import io.quotacanvas.testing.TestPostgres;
import io.quotacanvas.token.TokenState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/// The [Ledger] contract on a real PostgreSQL server (a fresh database per test), plus what only a shared
/// database can get wrong: it being down, refusing the login, several processes setting it up at once.
class PostgresLedgerTest extends LedgerContract {

    private String database;

    static PostgresLedger open(PostgresTarget target, ZoneId zone) {
        PostgresDatabase db = PostgresDatabase.open(target, "ledger database");
        try {
            return new PostgresLedger(db, zone);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    Ledger open(ZoneId zone) {
        if (database == null) {
            database = TestPostgres.shared().newDatabase();
        }
        return open(TestPostgres.shared().target(database), zone);
    }

    @Test
    void theDescriptionNamesTheUrlWithoutThePassword() {
        assertEquals("PostgreSQL " + TestPostgres.shared().url(database), ledger.describe());
        assertFalse(ledger.describe().contains(TestPostgres.PASSWORD));
    }

    @Test
    void theRawTokenNeverReachesTheDatabase() throws Exception {
        String canary = "sk-canary-do-not-leak-1234567890";
        Token t = new Token(ProviderId.OPENAI_COMPATIBLE, 3, new Secret(canary), "env:QUOTA_CANVAS_OAI_TOKENS");
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "rate limited", NOW);
        ledger.invalidate(t, "invalid_api_key", NOW);
        ledger.markSuccess(t, "flux", NOW);
        ledger.tryLease(t, 1, "holder", NOW, LATER);

        try (Connection c = TestPostgres.shared().connect(database); Statement s = c.createStatement()) {
            for (String table : List.of("token_state", "token", "token_usage", "token_lease")) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        assertFalse(rs.getString(1).contains(canary), "raw token found in " + table);
                    }
                }
            }
        }
    }

    /// Two machines on one ledger, one whose clock runs five minutes ahead: it must not take the other's
    /// live lease for a crashed one (its "now" is past that lease's expiry on its own clock), and the other
    /// must see its lease as live, because lease times are kept on the server's clock.
    @Test
    void machinesWhoseClocksDisagreeStillHonourEachOthersLeases() {
        Token t = token("gitee-aaaaaaaaaaaa");
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
        try (PostgresLedger fast = openWith(ahead)) {
            Instant now = Instant.now();
            Ledger.Lease held = ledger.tryLease(t, 1, "on-time", now, now.plusSeconds(60)).orElseThrow();

            Instant fastNow = ahead.instant();
            assertTrue(fast.tryLease(t, 1, "ahead", fastNow, fastNow.plusSeconds(60)).isEmpty(),
                    "the machine ahead took a slot that is still held");
            assertEquals(1, fast.leasesInFlight(t, fastNow));

            ledger.release(held);
            Ledger.Lease taken = fast.tryLease(t, 1, "ahead", fastNow, fastNow.plusSeconds(60)).orElseThrow();
            assertEquals(1, ledger.leasesInFlight(t, Instant.now()), "the lease of the machine ahead looked expired");
            assertEquals(1, fast.renewLeases("ahead", ahead.instant(), ahead.instant().plusSeconds(60)));
            assertTrue(ledger.tryLease(t, 1, "on-time", Instant.now(), Instant.now().plusSeconds(60)).isEmpty());
            fast.release(taken);
        }
    }

    private PostgresLedger openWith(Clock local) {
        PostgresDatabase db = PostgresDatabase.open(TestPostgres.shared().target(database), "ledger database");
        try {
            return new PostgresLedger(db, ZoneOffset.UTC, local);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Test
    void instantsAreStoredAsEpochMillisWhateverTheSessionTimeZone() throws Exception {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);

        try (Connection c = TestPostgres.shared().connect(database); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'Asia/Shanghai'");
            try (ResultSet rs = s.executeQuery("SELECT until_ms FROM token_state")) {
                assertTrue(rs.next());
                assertEquals(LATER.toEpochMilli(), rs.getLong(1));
            }
        }
    }

    @Test
    void processesStartingAtOnceSetUpTheTablesOnceAndAllWork() throws Exception {
        String fresh = TestPostgres.shared().newDatabase();
        int starters = 6;
        List<Future<TokenState>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(starters)) {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < starters; i++) {
                Token t = token("gitee-starter-" + i + "-000000");
                results.add(pool.submit(() -> {
                    go.await();
                    try (PostgresLedger l = open(TestPostgres.shared().target(fresh), ZoneOffset.UTC)) {
                        l.cool(t, null, LATER, FailureClass.RATE_LIMITED, "slow", NOW);
                        return l.state(t, null, NOW);
                    }
                }));
            }
            go.countDown();
            for (Future<TokenState> r : results) {
                assertInstanceOf(TokenState.Cooling.class, r.get(1, TimeUnit.MINUTES));
            }
        }
        try (Connection c = TestPostgres.shared().connect(fresh); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM quota_canvas_schema WHERE component = 'ledger'")) {
            assertTrue(rs.next());
            assertEquals(PostgresSchema.STEPS.size(), rs.getInt(1));
        }
    }

    @Test
    void aUserWithoutCreateUsesTheTablesTheOwnerSetUp() throws Exception {
        try (Connection c = TestPostgres.shared().connect(database); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'qc_app') THEN"
                    + " CREATE ROLE qc_app LOGIN PASSWORD 'app-CANARY-pw'; END IF; END $$");
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO qc_app");
            s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO qc_app");
        }
        TestPostgres pg = TestPostgres.shared();
        PostgresTarget app = new PostgresTarget(pg.jdbcUrl(database), "qc_app", "app-CANARY-pw", pg.url(database),
                Duration.ofSeconds(2));
        Token t = token("gitee-aaaaaaaaaaaa");

        try (PostgresLedger asApp = open(app, ZoneOffset.UTC)) {
            asApp.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);
            assertTrue(asApp.tryLease(t, 1, "app", NOW, LATER).isPresent());
        }
        assertInstanceOf(TokenState.Cooling.class, ledger.state(t, null, NOW));
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedWithAnUpdateHint() throws Exception {
        try (Connection c = TestPostgres.shared().connect(database); Statement s = c.createStatement()) {
            s.execute("UPDATE quota_canvas_schema SET version = 99 WHERE component = 'ledger'");
        }

        LedgerException e = assertThrows(LedgerException.class, () -> open(ZoneOffset.UTC));

        assertEquals(StorageException.Kind.NEWER_SCHEMA, e.kind());
        assertTrue(e.getMessage().contains("newer Quota Canvas"), e.getMessage());
        assertTrue(e.getMessage().contains(TestPostgres.shared().url(database)), e.getMessage());
    }

    @Test
    void aClosedPortIsAnUnreachableErrorNamingTheUrlWithoutThePassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        PostgresTarget nowhere = new PostgresTarget("jdbc:postgresql://127.0.0.1:" + closed + "/quota_canvas",
                "alice", "s3cret-CANARY-pw", "postgresql://alice@127.0.0.1:" + closed + "/quota_canvas",
                Duration.ofSeconds(2));

        StorageException e = assertThrows(StorageException.class, () -> open(nowhere, ZoneOffset.UTC));

        assertEquals(StorageException.Kind.UNREACHABLE, e.kind());
        assertEquals("ledger database postgresql://alice@127.0.0.1:" + closed + "/quota_canvas can't be reached"
                + " (connection refused), so Quota Canvas could not connect to it; check that PostgreSQL is running"
                + " there and reachable from this machine; or remove ledger.url from the config to use this"
                + " machine's own ledger file", e.getMessage());
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsUnreachableAfterTheConnectTimeoutNotAHang() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            int port = silent.getLocalPort();
            PostgresTarget mute = new PostgresTarget("jdbc:postgresql://127.0.0.1:" + port + "/quota_canvas", "alice",
                    "s3cret-CANARY-pw", "postgresql://alice@127.0.0.1:" + port + "/quota_canvas", Duration.ofSeconds(1));

            StorageException e = assertThrows(StorageException.class, () -> open(mute, ZoneOffset.UTC));

            assertEquals(StorageException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().startsWith("ledger database postgresql://alice@127.0.0.1:" + port
                    + "/quota_canvas "), e.getMessage());
            assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
        }
    }

    @Test
    void aWrongPasswordIsALoginErrorThatNeverShowsThePassword() {
        TestPostgres pg = TestPostgres.shared();
        PostgresTarget wrong = new PostgresTarget(pg.jdbcUrl(database), TestPostgres.USER, "wrong-CANARY-pw",
                pg.url(database), Duration.ofSeconds(2));

        StorageException e = assertThrows(StorageException.class, () -> open(wrong, ZoneOffset.UTC));

        assertEquals(StorageException.Kind.ACCESS_DENIED, e.kind());
        assertTrue(e.getMessage().startsWith("ledger database " + pg.url(database) + " refused the login"),
                e.getMessage());
        assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
    }

    @Test
    void aMissingDatabaseSaysToCreateIt() {
        TestPostgres pg = TestPostgres.shared();
        PostgresTarget missing = new PostgresTarget(pg.jdbcUrl("no_such_db"), TestPostgres.USER,
                TestPostgres.PASSWORD, pg.url("no_such_db"), Duration.ofSeconds(2));

        StorageException e = assertThrows(StorageException.class, () -> open(missing, ZoneOffset.UTC));

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("createdb"), e.getMessage());
    }

    @Test
    void aServerThatGoesDownMidRunTurnsTheNextCallIntoAnUnreachableErrorAndTheLedgerReconnectsWhenItIsBack() {
        try (TestPostgres own = TestPostgres.start()) {
            String db = own.newDatabase();
            Token t = token("gitee-aaaaaaaaaaaa");
            try (PostgresLedger l = open(own.target(db), ZoneOffset.UTC)) {
                l.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);

                own.stop();

                LedgerException e = assertThrows(LedgerException.class, () -> l.state(t, null, NOW));
                assertEquals(StorageException.Kind.UNREACHABLE, e.kind());
                assertTrue(e.getMessage().startsWith("ledger database " + own.url(db)), e.getMessage());
                assertFalse(e.getMessage().contains(TestPostgres.PASSWORD), e.getMessage());
                assertThrows(LedgerException.class, () -> l.markSuccess(t, null, NOW));

                own.resume();

                assertInstanceOf(TokenState.Cooling.class, l.state(t, null, NOW), "the same ledger reconnects");
            }
        }
    }
}
