package computer.parachute.hub.core.session;

import computer.parachute.hub.core.db.HubDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One-time dashboard login codes (issue 11): at least 128 random bits (256 here), stored as a hash, valid for
 * {@link SessionPolicy#loginCodeTtl()}, and deleted by their first use, successful or not.
 */
public final class LoginCodes {
    /** A freshly minted code and when it stops working. */
    public record Minted(String code, Instant expiresAt) {}

    /** What a redemption found: only {@link #ACCEPTED} logs in. */
    public enum Redemption { ACCEPTED, EXPIRED, UNKNOWN }

    private final HubDatabase db;
    private final Clock clock;
    private final SessionPolicy policy;

    public LoginCodes(HubDatabase db, Clock clock, SessionPolicy policy) {
        this.db = db;
        this.clock = clock;
        this.policy = policy;
    }

    /** How long a new code works. */
    public Duration ttl() {
        return policy.loginCodeTtl();
    }

    /** A new code; codes that expired earlier are purged on the way, so the table never grows without bound. */
    public Minted mint() {
        String code = Secrets.random();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.loginCodeTtl());
        SessionDb.inTransaction(db, "store a dashboard login code", connection -> {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM dashboard_login_codes WHERE expires_at <= ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO dashboard_login_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)")) {
                purge.setLong(1, now.toEpochMilli());
                purge.executeUpdate();
                insert.setString(1, Secrets.hash(code));
                insert.setLong(2, now.toEpochMilli());
                insert.setLong(3, expiresAt.toEpochMilli());
                return insert.executeUpdate();
            }
        });
        return new Minted(code, expiresAt);
    }

    /** Consumes {@code code}: a second use of the same code is {@link Redemption#UNKNOWN}. */
    public Redemption redeem(String code) {
        if (!Secrets.wellFormed(code)) {
            return Redemption.UNKNOWN;
        }
        long now = clock.millis();
        return SessionDb.inTransaction(db, "use a dashboard login code", connection -> {
            Long expiresAt = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT expires_at FROM dashboard_login_codes WHERE code_hash = ?")) {
                select.setString(1, Secrets.hash(code));
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        expiresAt = row.getLong(1);
                    }
                }
            }
            if (expiresAt == null) {
                return Redemption.UNKNOWN;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dashboard_login_codes WHERE code_hash = ?")) {
                delete.setString(1, Secrets.hash(code));
                delete.executeUpdate();
            }
            return now < expiresAt ? Redemption.ACCEPTED : Redemption.EXPIRED;
        });
    }
}
