package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hub.db {@code tokens} table: every minted token is recorded so it can be listed and revoked (DESIGN §7).
 * It is an allow-list: a token without a row, or whose row is revoked, fails validation ({@link TokenVerifier});
 * rotating does not revoke older tokens (reference §4.2).
 */
public final class TokenRegistry {
    private static final String COLUMNS =
            "jti, subject, user_id, client_id, scopes, scope_set, created_at, expires_at, revoked_at, created_via";

    /** Compiled once: {@code String.split("\\s+")} compiles its regex per call, and a row is read per API request. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static volatile ParsedScopes lastScopes;

    private final HubDatabase db;
    private final Clock clock;

    public TokenRegistry(HubDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts {@code row} (its {@code revokedAt} is ignored: a new token is never born revoked). */
    public void record(TokenRecord row) {
        Transactions.withConnection(db, "record token " + row.jti(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tokens (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
                insert.setString(1, row.jti());
                insert.setString(2, row.subject());
                insert.setString(3, row.userId());
                insert.setString(4, row.clientId());
                insert.setString(5, String.join(" ", row.scopes()));
                insert.setString(6, row.scopeSet());
                insert.setLong(7, row.createdAt().toEpochMilli());
                insert.setLong(8, row.expiresAt().toEpochMilli());
                insert.setString(9, row.createdVia());
                return insert.executeUpdate();
            }
        });
    }

    public Optional<TokenRecord> find(String jti) {
        return Transactions.withConnection(db, "read token " + jti, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM tokens WHERE jti = ?")) {
                select.setString(1, jti);
                List<TokenRecord> rows = read(select);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        });
    }

    /**
     * What the per-request check of a remembered token reads of its row (the columns TokenVerifier compares: expiry,
     * scopes, revocation) and, from the same read, the public PEM of a key that still verifies (null when none does).
     */
    record RowCheck(Instant expiresAt, List<String> scopes, boolean revoked, String publicKeyPem) {}

    /**
     * The row's checked columns and {@link SigningKeys#verificationKey(String)}'s row in one statement on one
     * connection: the check a remembered token goes through on every request (TokenVerifier), where the two lookups
     * were two pool checkouts and two SQL compilations; only the four columns it needs, as every column's name is
     * read and copied at prepare and again at execute. {@code keyRetiredAfterMillis}: SigningKeys' retention cut-off.
     */
    Optional<RowCheck> findCheck(String jti, String kid, long keyRetiredAfterMillis) {
        return Transactions.withConnection(db, "read token and its key", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT scopes, expires_at,"
                    + " revoked_at IS NOT NULL,"
                    + " (SELECT public_key_pem FROM signing_keys WHERE kid = ? AND (retired_at IS NULL OR retired_at > ?))"
                    + " FROM tokens WHERE jti = ?")) {
                select.setString(1, kid);
                select.setLong(2, keyRetiredAfterMillis);
                select.setString(3, jti);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new RowCheck(Instant.ofEpochMilli(row.getLong(2)),
                            scopeList(row.getString(1)), row.getLong(3) != 0, row.getString(4))) : Optional.<RowCheck>empty();
                }
            }
        });
    }

    /** Every row, oldest first (for listings and tests). */
    public List<TokenRecord> all() {
        return Transactions.withConnection(db, "list tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM tokens ORDER BY created_at, jti")) {
                return read(select);
            }
        });
    }

    /** Revokes one token; false when no unrevoked row has that jti. */
    public boolean revoke(String jti) {
        return update("UPDATE tokens SET revoked_at = ? WHERE jti = ? AND revoked_at IS NULL", jti) > 0;
    }

    /** Revokes every unrevoked token issued to the hub's operator client; returns how many. */
    public int revokeAllForClient(String clientId) {
        return update("UPDATE tokens SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL", clientId);
    }

    private int update(String sql, String key) {
        return Transactions.withConnection(db, "revoke tokens", connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, clock.millis());
                update.setString(2, key);
                return update.executeUpdate();
            }
        });
    }

    private static List<TokenRecord> read(PreparedStatement select) throws SQLException {
        List<TokenRecord> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(row(row));
            }
        }
        return rows;
    }

    private static TokenRecord row(ResultSet row) throws SQLException {
        long revoked = row.getLong("revoked_at");
        Instant revokedAt = row.wasNull() ? null : Instant.ofEpochMilli(revoked);
        String scopes = row.getString("scopes");
        return new TokenRecord(row.getString("jti"), row.getString("subject"), row.getString("user_id"),
                row.getString("client_id"),
                scopeList(scopes),
                row.getString("scope_set"), Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")), revokedAt, row.getString("created_via"));
    }

    /**
     * The stored scopes as a list; the last text and its list are kept, as every authenticated request reads the
     * same token's row (the split was 5% of a status call, issue 10). Lists are immutable, so sharing is safe.
     */
    private static List<String> scopeList(String scopes) {
        ParsedScopes last = lastScopes;
        if (last != null && last.text().equals(scopes)) {
            return last.scopes();
        }
        List<String> parsed = scopes.isBlank() ? List.of() : List.of(WHITESPACE.split(scopes.trim()));
        lastScopes = new ParsedScopes(scopes, parsed);
        return parsed;
    }

    private record ParsedScopes(String text, List<String> scopes) {}
}
