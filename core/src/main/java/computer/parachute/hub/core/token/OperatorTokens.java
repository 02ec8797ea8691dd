package computer.parachute.hub.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * Mints and revokes operator tokens (DESIGN §7, reference §4.2): RS256 JWTs signed with the active signing key,
 * 90 days long, each recorded in the {@code tokens} registry before it is handed out.
 */
public final class OperatorTokens {
    /** DESIGN §7: operator tokens live 90 days (7,776,000 s). */
    public static final Duration TTL = Duration.ofDays(90);
    public static final String AUDIENCE = "operator";
    public static final String CLIENT_ID = "parachute-hub";
    /** The {@code sub} of operator tokens: this hub has no user accounts, so the subject is the operator. */
    public static final String DEFAULT_SUBJECT = "operator";

    public static final String CLAIM_SCOPE = "scope";
    public static final String CLAIM_SCOPE_SET = "pa_scope_set";
    public static final String CLAIM_CLIENT_ID = "client_id";
    /** Reference §4.2: always present and empty, meaning "no vault restriction". */
    public static final String CLAIM_VAULT_SCOPE = "vault_scope";

    private static final int JTI_BYTES = 16;

    private final SigningKeys keys;
    private final TokenRegistry registry;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OperatorTokens(SigningKeys keys, TokenRegistry registry, Clock clock) {
        this.keys = keys;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Signs a token for {@code scopeSet} (see {@link ScopeSets}) and records it; {@code createdVia} is one of
     * {@link CreatedVia}. Throws IllegalArgumentException for an unknown scope set or a blank subject/issuer.
     */
    public MintedToken mint(String scopeSet, String subject, String issuer, String createdVia) {
        List<String> scopes = ScopeSets.require(scopeSet);
        requireText(subject, "subject");
        requireText(issuer, "issuer");
        SigningKey key = keys.activeKey();
        // JWT times are whole seconds; truncating here keeps exp - iat exactly the TTL
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(TTL);
        String jti = newJti();
        String token = JWT.create()
                .withKeyId(key.kid())
                .withIssuer(HubOrigins.normalize(issuer))
                .withSubject(subject)
                .withAudience(AUDIENCE)
                .withClaim(CLAIM_CLIENT_ID, CLIENT_ID)
                .withClaim(CLAIM_SCOPE, String.join(" ", scopes))
                .withClaim(CLAIM_SCOPE_SET, scopeSet)
                .withClaim(CLAIM_VAULT_SCOPE, List.<String>of())
                .withJWTId(jti)
                .withIssuedAt(issuedAt)
                .withExpiresAt(expiresAt)
                .sign(Algorithm.RSA256(key.publicKey(), key.privateKey()));
        registry.record(new TokenRecord(jti, subject, null, CLIENT_ID, scopes, scopeSet, issuedAt, expiresAt,
                null, createdVia));
        return new MintedToken(token, jti, expiresAt, scopeSet);
    }

    /** Revokes one token by jti; false when there was no unrevoked token with it. */
    public boolean revoke(String jti) {
        return registry.revoke(jti);
    }

    /** Revokes every unrevoked operator token; returns how many. */
    public int revokeAllOperator() {
        return registry.revokeAllForClient(CLIENT_ID);
    }

    private String newJti() {
        byte[] bytes = new byte[JTI_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an operator token needs a non-empty " + name);
        }
    }
}
