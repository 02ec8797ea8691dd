package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA keys that sign operator tokens, kept in hub.db {@code signing_keys} (DESIGN §7, reference §4.1): one
 * active key, generated on first use; rotation retires it, and a retired key still verifies for 24 h so tokens
 * signed just before a rotation keep working, unless the rotation is "at once" (a leaked key).
 */
public final class SigningKeys {
    /** Reference §4.1 {@code JWKS_RETENTION_MS}: how long a retired key still verifies. */
    public static final Duration RETIRED_KEY_RETENTION = Duration.ofHours(24);
    public static final String ALGORITHM = "RS256";
    static final int RSA_KEY_BITS = 2048;

    private static final String COLUMNS = "kid, public_key_pem, private_key_pem, created_at, retired_at";

    /** More keys than a hub ever has at once (the active one plus those retired in the last 24 h). */
    private static final int MAX_PARSED_KEYS = 16;

    private final HubDatabase db;
    private final Clock clock;
    private final Map<String, RSAPublicKey> parsedPublicKeys = new ConcurrentHashMap<>();

    public SigningKeys(HubDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The active key; generates and stores one when there is none (the first mint on a fresh hub.db). */
    public SigningKey activeKey() {
        Optional<SigningKey> existing = Transactions.withConnection(db, "read the active signing key", SigningKeys::findActive);
        if (existing.isPresent()) {
            return existing.get();
        }
        // generate outside the write transaction (it takes ~100 ms); re-check inside it, so when the hub and the
        // CLI race on a fresh hub.db the loser adopts the winner's key and discards its own
        KeyPair generated = generate();
        return Transactions.inTransaction(db, "store a new signing key", connection -> {
            Optional<SigningKey> raced = findActive(connection);
            return raced.isPresent() ? raced.get() : insert(connection, generated);
        });
    }

    /** Retires every active key and makes a new one active, in one transaction ({@code parachute auth rotate-key}). */
    public SigningKey rotate() {
        return rotate(false);
    }

    /**
     * {@link #rotate()}; with {@code atOnce} ({@code rotate-key --now}, after a key leak) every older key is deleted
     * in the same transaction instead of verifying for 24 h more, so every token it signed stops working at once and
     * a leaked private key no longer sits in hub.db.
     */
    public SigningKey rotate(boolean atOnce) {
        KeyPair generated = generate();
        return Transactions.inTransaction(db, "rotate the signing key", connection -> {
            try (PreparedStatement retire = connection.prepareStatement(atOnce ? "DELETE FROM signing_keys"
                    : "UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL")) {
                if (!atOnce) {
                    retire.setLong(1, clock.millis());
                }
                retire.executeUpdate();
            }
            return insert(connection, generated);
        });
    }

    /**
     * The public key for {@code kid} if it is active or was retired less than 24 h ago; else empty. Runs on every
     * authenticated request: it reads the public PEM only (never parses the private key) and parses each PEM once.
     */
    public Optional<RSAPublicKey> verificationKey(String kid) {
        long retiredAfter = retiredAfterMillis();
        return Transactions.withConnection(db, "look up signing key " + kid, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT public_key_pem"
                    + " FROM signing_keys WHERE kid = ? AND (retired_at IS NULL OR retired_at > ?)")) {
                select.setString(1, kid);
                select.setLong(2, retiredAfter);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(publicKey(kid, rows.getString(1))) : Optional.<RSAPublicKey>empty();
                }
            }
        });
    }

    /** Keys retired at or before this instant (epoch ms) no longer verify. */
    long retiredAfterMillis() {
        return clock.millis() - RETIRED_KEY_RETENTION.toMillis();
    }

    /** The key in a PEM read elsewhere (TokenRegistry#findCheck), by the same parse cache; empty if unreadable. */
    Optional<RSAPublicKey> parsedKey(String kid, String pem) {
        try {
            return Optional.of(publicKey(kid, pem));
        } catch (SQLException e) {
            return Optional.empty(); // the full check then fails the way verificationKey does
        }
    }

    /** Parsed once per PEM text: the text is the key, so a cached parse can never be stale. */
    private RSAPublicKey publicKey(String kid, String pem) throws SQLException {
        RSAPublicKey parsed = parsedPublicKeys.get(pem);
        if (parsed != null) {
            return parsed;
        }
        try {
            parsed = Pem.parsePublic(pem);
        } catch (GeneralSecurityException e) {
            throw new SQLException("signing key " + kid + " is not a readable RSA PEM (" + e.getMessage()
                    + "); run `parachute auth rotate-key` to replace it", e);
        }
        if (parsedPublicKeys.size() >= MAX_PARSED_KEYS) {
            parsedPublicKeys.clear(); // a hub has one or two keys; this only bounds an odd hub.db
        }
        parsedPublicKeys.put(pem, parsed);
        return parsed;
    }

    private static Optional<SigningKey> findActive(Connection connection) throws SQLException {
        // newest first: a second active row cannot be created here, but an edited hub.db should still work
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")) {
            return first(select);
        }
    }

    private SigningKey insert(Connection connection, KeyPair pair) throws SQLException {
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        RSAPrivateKey privateKey = (RSAPrivateKey) pair.getPrivate();
        String publicPem = Pem.publicPem(publicKey);
        String kid = Pem.kid(publicPem);
        Instant now = Instant.ofEpochMilli(clock.millis());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO signing_keys "
                + "(kid, public_key_pem, private_key_pem, algorithm, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, kid);
            insert.setString(2, publicPem);
            insert.setString(3, Pem.privatePem(privateKey));
            insert.setString(4, ALGORITHM);
            insert.setLong(5, now.toEpochMilli());
            insert.executeUpdate();
        }
        return new SigningKey(kid, publicKey, privateKey, now, null);
    }

    private static Optional<SigningKey> first(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(parse(rows)) : Optional.empty();
        }
    }

    private static SigningKey parse(ResultSet row) throws SQLException {
        String kid = row.getString("kid");
        try {
            long retired = row.getLong("retired_at");
            Instant retiredAt = row.wasNull() ? null : Instant.ofEpochMilli(retired);
            return new SigningKey(kid, Pem.parsePublic(row.getString("public_key_pem")),
                    Pem.parsePrivate(row.getString("private_key_pem")),
                    Instant.ofEpochMilli(row.getLong("created_at")), retiredAt);
        } catch (GeneralSecurityException e) {
            throw new SQLException("signing key " + kid + " is not a readable RSA PEM pair (" + e.getMessage()
                    + "); run `parachute auth rotate-key` to replace it", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }
}
