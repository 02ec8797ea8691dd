package computer.parachute.hub.core.session;

import computer.parachute.hub.core.db.HubDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions of the dashboard (issue 11, DESIGN §12), kept in hub.db so they survive a hub restart and can be
 * ended from the CLI process: the cookie carries a random id, hub.db only its hash. A session ends after
 * {@link SessionPolicy#idleTimeout()} without use or {@link SessionPolicy#absoluteTimeout()} after it began, on
 * logout, and for every session at once on {@link #revokeAll()} (operator tokens revoked, signing key rotated now).
 */
public final class DashboardSessions {
    /** Last-use is written at most this often, so a page's requests do not each cost a hub.db write. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String CSRF_PURPOSE = "parachute-dashboard-csrf";

    /** A live session: {@code csrfToken} is what the page must send back with every state change. */
    public record Session(String idHash, Instant createdAt, Instant lastSeenAt, String csrfToken) {
        /** True when {@code presented} is this session's CSRF token (compared in constant time). */
        public boolean csrfMatches(String presented) {
            return Secrets.sameText(csrfToken, presented);
        }
    }

    /** A new session's cookie value (the only copy of the id) and the session itself. */
    public record Started(String cookieValue, Session session) {}

    private final HubDatabase db;
    private final Clock clock;
    private final SessionPolicy policy;

    public DashboardSessions(HubDatabase db, Clock clock, SessionPolicy policy) {
        this.db = db;
        this.clock = clock;
        this.policy = policy;
    }

    public SessionPolicy policy() {
        return policy;
    }

    /** Starts a session (after a login code was accepted); sessions past their end are purged on the way. */
    public Started start() {
        String id = Secrets.random();
        Instant now = clock.instant();
        SessionDb.inTransaction(db, "store a dashboard session", connection -> {
            try (PreparedStatement purge = connection.prepareStatement(
                         "DELETE FROM dashboard_sessions WHERE created_at <= ? OR last_seen_at <= ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO dashboard_sessions (id_hash, created_at, last_seen_at) VALUES (?, ?, ?)")) {
                purge.setLong(1, now.minus(policy.absoluteTimeout()).toEpochMilli());
                purge.setLong(2, now.minus(policy.idleTimeout()).toEpochMilli());
                purge.executeUpdate();
                insert.setString(1, Secrets.hash(id));
                insert.setLong(2, now.toEpochMilli());
                insert.setLong(3, now.toEpochMilli());
                return insert.executeUpdate();
            }
        });
        return new Started(id, new Session(Secrets.hash(id), now, now, csrfToken(id)));
    }

    /** The live session for a cookie value; empty for an unknown, ended or expired one (which is then deleted). */
    public Optional<Session> find(String cookieValue) {
        if (!Secrets.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String idHash = Secrets.hash(cookieValue);
        Instant now = clock.instant();
        // single statements, no transaction: a session read per request must not take hub.db's write lock
        return SessionDb.withConnection(db, "read a dashboard session", connection -> {
            Instant created;
            Instant lastSeen;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT created_at, last_seen_at FROM dashboard_sessions WHERE id_hash = ?")) {
                select.setString(1, idHash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Session>empty();
                    }
                    created = Instant.ofEpochMilli(row.getLong(1));
                    lastSeen = Instant.ofEpochMilli(row.getLong(2));
                }
            }
            if (!now.isBefore(created.plus(policy.absoluteTimeout())) || !now.isBefore(lastSeen.plus(policy.idleTimeout()))) {
                delete(connection, idHash);
                return Optional.<Session>empty();
            }
            if (!now.isBefore(lastSeen.plus(TOUCH_INTERVAL))) {
                try (PreparedStatement touch = connection.prepareStatement(
                        "UPDATE dashboard_sessions SET last_seen_at = ? WHERE id_hash = ?")) {
                    touch.setLong(1, now.toEpochMilli());
                    touch.setString(2, idHash);
                    touch.executeUpdate();
                }
                lastSeen = now;
            }
            return Optional.of(new Session(idHash, created, lastSeen, csrfToken(cookieValue)));
        });
    }

    /** Ends one session (logout); false when it was not live. */
    public boolean end(String cookieValue) {
        if (!Secrets.wellFormed(cookieValue)) {
            return false;
        }
        return SessionDb.inTransaction(db, "end a dashboard session", connection -> delete(connection, Secrets.hash(cookieValue)) > 0);
    }

    /**
     * Ends every dashboard session and voids every unused login link; returns how many sessions ended. Called when
     * the operator revokes all operator tokens or rotates the signing key at once: whoever held the old credentials
     * must not keep a browser session either.
     */
    public int revokeAll() {
        return SessionDb.inTransaction(db, "end every dashboard session", connection -> {
            try (PreparedStatement codes = connection.prepareStatement("DELETE FROM dashboard_login_codes");
                 PreparedStatement sessions = connection.prepareStatement("DELETE FROM dashboard_sessions")) {
                codes.executeUpdate();
                return sessions.executeUpdate();
            }
        });
    }

    /** The session's CSRF token, derived from its id: stored nowhere, useless without the page that embeds it. */
    private static String csrfToken(String cookieValue) {
        return Secrets.derive(CSRF_PURPOSE, cookieValue);
    }

    private static int delete(Connection connection, String idHash) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dashboard_sessions WHERE id_hash = ?")) {
            delete.setString(1, idHash);
            return delete.executeUpdate();
        }
    }
}
