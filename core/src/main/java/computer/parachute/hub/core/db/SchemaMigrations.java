package computer.parachute.hub.core.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Ordered schema steps keyed on {@code PRAGMA user_version}: step i (0-based) moves the schema from version i to
 * i + 1. Steps are append-only: never edit one that has shipped, add the next.
 */
final class SchemaMigrations {
    static final List<String> STEPS = List.of(
            // 1: signing keys and the token registry (DESIGN §7), the supervisor's child records (DESIGN §5)
            """
            CREATE TABLE signing_keys (
                kid             TEXT PRIMARY KEY,
                public_key_pem  TEXT NOT NULL,
                private_key_pem TEXT NOT NULL,
                algorithm       TEXT NOT NULL DEFAULT 'RS256',
                created_at      INTEGER NOT NULL,
                retired_at      INTEGER
            );
            CREATE TABLE tokens (
                jti         TEXT PRIMARY KEY,
                subject     TEXT NOT NULL,
                user_id     TEXT,
                client_id   TEXT NOT NULL,
                scopes      TEXT NOT NULL,
                scope_set   TEXT,
                created_at  INTEGER NOT NULL,
                expires_at  INTEGER NOT NULL,
                revoked_at  INTEGER,
                created_via TEXT NOT NULL
            );
            CREATE TABLE child_processes (
                short        TEXT NOT NULL,
                pid          INTEGER NOT NULL,
                start_time   INTEGER,
                command_line TEXT NOT NULL,
                recorded_at  INTEGER NOT NULL,
                PRIMARY KEY (short, pid)
            );
            """,
            // 2: the dashboard's one-time login codes and browser sessions (DESIGN §12); only hashes are stored
            """
            CREATE TABLE dashboard_login_codes (
                code_hash  TEXT PRIMARY KEY,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            );
            CREATE TABLE dashboard_sessions (
                id_hash      TEXT PRIMARY KEY,
                created_at   INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL
            );
            """,
            // 3: the spawn identity each child (and every descendant) carries, the proof a process is ours (DESIGN §5)
            """
            ALTER TABLE child_processes ADD COLUMN spawn_id TEXT;
            """);

    private SchemaMigrations() {}

    static int latestVersion() {
        return STEPS.size();
    }

    static void apply(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int current = userVersion(connection);
            if (current > STEPS.size()) {
                throw new SQLException("hub.db schema version " + current + " is newer than this hub understands ("
                        + STEPS.size() + "); upgrade the hub or restore an older hub.db");
            }
            for (int version = current; version < STEPS.size(); version++) {
                applyStep(connection, version);
            }
        }
    }

    private static void applyStep(Connection connection, int fromVersion) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (userVersion(connection) > fromVersion) {
                connection.rollback(); // another process (hub or CLI) applied this step first
                return;
            }
            for (String sql : STEPS.get(fromVersion).split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("PRAGMA user_version = " + (fromVersion + 1));
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
