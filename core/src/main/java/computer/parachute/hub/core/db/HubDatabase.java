package computer.parachute.hub.core.db;

import com.zaxxer.hikari.HikariDataSource;
import computer.parachute.hub.core.process.NeutralContextLoader;

import computer.parachute.hub.core.fs.PrivateFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * {@code hub.db}: one SQLite file (WAL, busy timeout, foreign keys on) behind a small HikariCP pool, migrated
 * to the latest schema on open. The hub and the CLI open it at the same time (the CLI mints tokens while the
 * hub runs), which WAL mode and the busy timeout make safe. The schema lives in core, not hub-war, because the
 * CLI must never depend on the WAR.
 */
public final class HubDatabase implements AutoCloseable {
    /** Long enough to ride out a writer in the other process (token mint vs. child-record write). */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    /**
     * SQLite has one writer at a time and the hub's queries are a few per module event: two connections (one for a
     * request while the supervisor records a child) are enough, and each idle one costs a file handle and page cache.
     */
    private static final int MAX_POOL_SIZE = 2;
    /** sqlite-jdbc's driver; a webapp deregisters it on undeploy (it registers itself when loaded). */
    public static final String DRIVER_CLASS = "org.sqlite.JDBC";

    private final Path file;
    private final HikariDataSource pool;

    private HubDatabase(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
    }

    /**
     * Opens (creating when absent) and migrates {@code file}; closes the pool again if migration fails. A new hub.db
     * is created empty with mode 0600 before SQLite opens it (an empty file is a valid empty database): SQLite would
     * create it 0644 minus the umask, and it gives its -wal and -shm files the database file's mode, so the signing
     * key in them is the owner's alone whatever the umask.
     */
    public static HubDatabase open(Path file) throws SQLException {
        try {
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                PrivateFiles.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it first, with its own owner-only mode
        } catch (IOException e) {
            throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
        }
        // the first connection loads sqlite's native library, which runs a command to detect the platform: a neutral
        // context class loader keeps the JDK's process reaper thread (and Hikari's own threads) off a webapp's loader
        HikariDataSource pool = NeutralContextLoader.call(() -> {
            registerDriver();
            HikariDataSource configured = config(file);
            try (Connection first = configured.getConnection()) { // starts the pool (and its threads) here
                return configured;
            } catch (SQLException | RuntimeException e) {
                configured.close();
                throw e;
            }
        });
        try {
            SchemaMigrations.apply(pool);
            return new HubDatabase(file, pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Loads the driver with this class's loader, so it registers itself where Hikari looks for it first. */
    private static void registerDriver() throws SQLException {
        try {
            Class.forName(DRIVER_CLASS, true, HubDatabase.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SQLException("the SQLite JDBC driver " + DRIVER_CLASS + " is not on the class path", e);
        }
    }

    /**
     * Configured in place: {@code new HikariDataSource(config)} copies every field of the config by reflection (JFR: 2%
     * of the hub's main-thread CPU to its first answer); the pool then starts at its first connection.
     */
    private static HikariDataSource config(Path file) {
        HikariDataSource config = new HikariDataSource();
        config.setPoolName("hub-db");
        // named, not looked up through DriverManager: a servlet container scans for drivers once per JVM with its own
        // class loader, so a driver inside WEB-INF/lib is never found that way ("No suitable driver" in Tomcat)
        config.setDriverClassName(DRIVER_CLASS);
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(BUSY_TIMEOUT.toMillis() * 2);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT.toMillis()));
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("synchronous", "NORMAL");
        // take the write lock at BEGIN: a deferred transaction that upgrades to a writer in WAL mode fails at once
        // with SQLITE_BUSY_SNAPSHOT instead of waiting out the busy timeout (hub and CLI write concurrently)
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        return config;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public Path file() {
        return file;
    }

    /** "ok" when a trivial query answers, else "error: <class>" (what /health reports as {@code db}). */
    public String health() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return "ok";
        } catch (SQLException | RuntimeException e) {
            return "error: " + e.getClass().getSimpleName();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
