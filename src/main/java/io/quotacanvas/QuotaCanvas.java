package io.quotacanvas;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.AppDirs;
import io.quotacanvas.config.ConfigException;
import io.quotacanvas.config.ConfigLoader;
import io.quotacanvas.config.LedgerConfig;
import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.pipeline.Engine;
import io.quotacanvas.prompt.PostgresPromptCache;
import io.quotacanvas.prompt.PromptCache;
import io.quotacanvas.prompt.ProviderPromptPreparer;
import io.quotacanvas.prompt.SqlitePromptCache;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.storage.PostgresDatabase;
import io.quotacanvas.storage.PostgresTarget;
import io.quotacanvas.storage.StorageException;
import io.quotacanvas.token.QuotaStatus;
import io.quotacanvas.token.TokenPool;
import io.quotacanvas.token.ledger.Ledger;
import io.quotacanvas.token.ledger.PostgresLedger;
import io.quotacanvas.token.ledger.SqliteLedger;
import io.quotacanvas.token.probe.TokenProbes;
import io.quotacanvas.token.probe.TokenTester;
import io.quotacanvas.token.vault.CommandRunner;
import io.quotacanvas.token.vault.TokenVault;
import io.quotacanvas.token.vault.TokenVaults;
import io.quotacanvas.token.vault.VaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import okhttp3.OkHttpClient;

/// The composition root: builds every service once, in pipeline order (config → providers → ledger →
/// library → engine), and hands them to a front end. No singletons; close it when done.
public final class QuotaCanvas implements AutoCloseable {
    private final AppDirs dirs;
    private final AppConfig config;
    private final Ledger ledger;
    private final Library library;
    private final OkHttpClient http;
    private final PromptCache promptCache;
    private final Engine engine;
    private final TokenPool pool;
    private final QuotaStatus quotaStatus;
    private final TokenTester tokenTester;

    private QuotaCanvas(AppDirs dirs, AppConfig config, TokenVault vault, Stores stores, Library library,
                        OkHttpClient http, Clock clock) {
        this.dirs = dirs;
        this.config = config;
        this.ledger = stores.ledger();
        this.library = library;
        this.http = http;
        this.pool = TokenPool.merged(config, vault);
        this.promptCache = stores.promptCache();
        this.engine = new Engine(config, Providers.create(config, http), pool, ledger, library,
                new ProviderPromptPreparer(config, ledger, http, clock, promptCache), clock);
        this.quotaStatus = new QuotaStatus(config, pool, ledger, clock);
        this.tokenTester = new TokenTester(TokenProbes.create(config, http, clock), ledger,
                clock);
    }

    /// Loads the config (`configFile`, else the user's config file when it exists, else the defaults),
    /// opens the ledger and the library.
    ///
    /// Nothing is written before the config and the vault have passed their checks. What does not depend on
    /// each other opens side by side: the HTTP client (its TLS set-up is the slowest part) and the vault while
    /// the config is read, then the ledger and prompt cache beside the library.
    public static QuotaCanvas open(Path configFile, Map<String, String> env, Clock clock)
            throws ConfigException, StartupException {
        AppDirs dirs = AppDirs.fromEnvironment(env);
        Path file = configFile != null ? configFile : Files.isRegularFile(dirs.configFile()) ? dirs.configFile() : null;
        StartupTrace.mark("open");
        // neither writes anything, so both may start before the config has passed its checks
        Background<OkHttpClient> http = Background.start("http-client", HttpClients::newBase);
        Background<TokenVault> vaultOpening = Background.start("vault", () -> {
            TokenVault v = TokenVaults.open(dirs.configDir(), env, System.getProperty("os.name", ""),
                    CommandRunner.SYSTEM, clock);
            v.check();
            return v;
        });
        AppConfig config;
        TokenVault vault;
        try {
            config = ConfigLoader.load(file, env);
            StartupTrace.mark("config");
            vault = vaultOpening.get(VaultException.class);
        } catch (ConfigException e) {
            http.closeQuietly(HttpClients::shutdown);
            throw e;
        } catch (VaultException e) {
            http.closeQuietly(HttpClients::shutdown);
            throw new StartupException(e.getMessage(), e);
        }
        StartupTrace.mark("vault");
        SqliteNative.useCachedCopy(dirs.stateDir().resolve("native"));
        Background<Stores> stores = Background.start("ledger", () -> openStores(config.ledger(), dirs, clock));
        Background<Library> library = Background.start("library", () -> new Library(dirs.libraryDir()));
        try {
            Stores st = stores.get(StorageException.class);
            StartupTrace.mark("ledger");
            Library lib = library.get(LibraryException.class);
            StartupTrace.mark("library");
            OkHttpClient h = http.get(RuntimeException.class);
            StartupTrace.mark("http");
            QuotaCanvas app = new QuotaCanvas(dirs, config, vault, st, lib, h, clock);
            StartupTrace.mark("engine");
            return app;
        } catch (StorageException | LibraryException e) {
            closeQuietly(stores, library, http);
            throw new StartupException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            // whatever else failed (a bug), nothing opened is left open behind it
            closeQuietly(stores, library, http);
            throw e;
        }
    }

    private static void closeQuietly(Background<Stores> stores, Background<Library> library,
                                     Background<OkHttpClient> http) {
        stores.closeQuietly(Stores::close);
        library.closeQuietly(Library::close);
        http.closeQuietly(HttpClients::shutdown);
    }

    /// The ledger and the prompt cache: in the local SQLite file (the prompt cache in its own table, over
    /// its own connection), or both in the shared PostgreSQL database over one pool the ledger owns.
    private static Stores openStores(LedgerConfig ledger, AppDirs dirs, Clock clock) {
        if (!ledger.shared()) {
            return new Stores(new SqliteLedger(dirs.ledgerFile()), new SqlitePromptCache(dirs.ledgerFile(), clock));
        }
        PostgresDatabase db = PostgresDatabase.open(new PostgresTarget(ledger.jdbcUrl(), ledger.user(),
                ledger.password(), ledger.display(), ledger.connectTimeout()), "ledger database");
        try {
            return new Stores(new PostgresLedger(db, ZoneId.systemDefault(), clock),
                    new PostgresPromptCache(db, clock));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private record Stores(Ledger ledger, PromptCache promptCache) {
        void close() {
            promptCache.close();
            ledger.close();
        }
    }

    public AppDirs dirs() {
        return dirs;
    }

    public AppConfig config() {
        return config;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Library library() {
        return library;
    }

    public Engine engine() {
        return engine;
    }

    /// Config, environment and vault tokens, as the engine routes them.
    public TokenPool tokenPool() {
        return pool;
    }

    /// The vault the pool reads (shared with every other Quota Canvas process).
    public TokenVault vault() {
        return pool.vault();
    }

    public QuotaStatus quotaStatus() {
        return quotaStatus;
    }

    /// Runs token probes (network; call off the UI thread).
    public TokenTester tokenTester() {
        return tokenTester;
    }

    @Override
    public void close() {
        engine.close();
        library.close();
        promptCache.close();
        ledger.close();
        HttpClients.shutdown(http);
    }

    /// The ledger or the library could not be opened; the message says what to do.
    public static final class StartupException extends Exception {
        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
