package computer.parachute.hub.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import computer.parachute.hub.core.db.HubDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real hub.db with real keys plus a forger for the hostile-token corpus; shared with hub-war's filter tests
 * through core's test-jar. Close it to close the database.
 */
public final class TokenFixture implements AutoCloseable {
    public static final String ISSUER = "http://127.0.0.1:1939";

    public final MutableClock clock;
    public final HubDatabase db;
    public final TokenServices services;

    public TokenFixture(Path dir, MutableClock clock) throws SQLException {
        this.clock = clock;
        this.db = HubDatabase.open(dir.resolve("hub.db"));
        this.services = TokenServices.over(db, clock);
    }

    public MintedToken mint(String scopeSet) {
        return services.operatorTokens().mint(scopeSet, OperatorTokens.DEFAULT_SUBJECT, ISSUER, CreatedVia.OPERATOR_MINT);
    }

    /** An operator-shaped builder (all claims as a mint would set them) for tests to bend one claim of. */
    public JWTCreator.Builder operatorClaims(String kid) {
        Instant iat = clock.instant().minusSeconds(60);
        return JWT.create().withKeyId(kid).withIssuer(ISSUER).withSubject(OperatorTokens.DEFAULT_SUBJECT)
                .withAudience(OperatorTokens.AUDIENCE).withClaim(OperatorTokens.CLAIM_CLIENT_ID, OperatorTokens.CLIENT_ID)
                .withClaim(OperatorTokens.CLAIM_SCOPE, String.join(" ", ScopeSets.require(ScopeSets.ADMIN)))
                .withClaim(OperatorTokens.CLAIM_SCOPE_SET, ScopeSets.ADMIN).withJWTId("forged-" + System.nanoTime())
                .withIssuedAt(iat).withExpiresAt(iat.plus(Duration.ofDays(30)));
    }

    /** Signed with the hub's real active key after {@code bend} changed the claims. */
    public String signedByHub(UnaryOperator<JWTCreator.Builder> bend) {
        SigningKey key = services.signingKeys().activeKey();
        return bend.apply(operatorClaims(key.kid())).sign(Algorithm.RSA256(key.publicKey(), key.privateKey()));
    }

    /**
     * {@link #signedByHub} and recorded in hub.db's token registry as if this hub had minted it, for tests of the
     * checks that run after the allow-list (audience, issuer, the CLI's rotation guards).
     */
    public String issuedByHub(UnaryOperator<JWTCreator.Builder> bend) {
        String token = signedByHub(bend);
        DecodedJWT claims = JWT.decode(token);
        String scope = claims.getClaim(OperatorTokens.CLAIM_SCOPE).asString();
        services.registry().record(new TokenRecord(claims.getId(),
                claims.getSubject() == null ? "" : claims.getSubject(), null, OperatorTokens.CLIENT_ID,
                scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+")),
                claims.getClaim(OperatorTokens.CLAIM_SCOPE_SET).asString(), claims.getIssuedAtAsInstant(),
                claims.getExpiresAtAsInstant(), null, "test_fixture"));
        return token;
    }

    /** Carries the hub's kid but is signed by a different RSA key. */
    public String signedByStranger() {
        KeyPair stranger = rsaPair();
        String kid = services.signingKeys().activeKey().kid();
        return operatorClaims(kid).sign(Algorithm.RSA256((RSAPublicKey) stranger.getPublic(),
                (RSAPrivateKey) stranger.getPrivate()));
    }

    /** The algorithm-confusion attack: HS256 keyed with the hub's public key PEM, which is public knowledge. */
    public String hs256WithPublicKey() {
        SigningKey key = services.signingKeys().activeKey();
        byte[] secret = Pem.publicPem(key.publicKey()).getBytes(StandardCharsets.UTF_8);
        return operatorClaims(key.kid()).sign(Algorithm.HMAC256(secret));
    }

    /** {@code alg: none} with the hub's kid and an empty signature. */
    public String algNone() {
        String kid = services.signingKeys().activeKey().kid();
        return operatorClaims(kid).sign(Algorithm.none());
    }

    public static String withSignatureByte(String token, int flip) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= (byte) flip;
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    public static List<String> parts(String token) {
        return List.of(token.split("\\.", -1));
    }

    public static KeyPair rsaPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(SigningKeys.RSA_KEY_BITS);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
