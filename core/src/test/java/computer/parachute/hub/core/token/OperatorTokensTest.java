package computer.parachute.hub.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorTokensTest {
    private static final Set<String> ISSUERS = HubOrigins.acceptedIssuers(1939, java.util.Optional.empty());

    @TempDir
    Path dir;
    private TokenFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new TokenFixture(dir, MutableClock.atUpstreamPin());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void mintedTokenCarriesEveryOperatorClaimAndLivesExactly90Days() throws Exception {
        MintedToken minted = fixture.mint(ScopeSets.DEFAULT);
        DecodedJWT jwt = JWT.decode(minted.token());

        assertEquals(3, TokenFixture.parts(minted.token()).size());
        assertEquals("RS256", jwt.getAlgorithm());
        assertEquals(fixture.services.signingKeys().activeKey().kid(), jwt.getKeyId());
        assertEquals("operator", jwt.getSubject());
        assertEquals(List.of("operator"), jwt.getAudience());
        assertEquals(TokenFixture.ISSUER, jwt.getIssuer());
        assertEquals("parachute-hub", jwt.getClaim("client_id").asString());
        assertEquals(String.join(" ", ScopeSets.require("admin")), jwt.getClaim("scope").asString());
        assertEquals("admin", jwt.getClaim("pa_scope_set").asString());
        assertEquals(List.of(), jwt.getClaim("vault_scope").asList(String.class));
        assertEquals(minted.jti(), jwt.getId());
        assertEquals(22, minted.jti().length(), "16 random bytes, base64url without padding");
        assertEquals(7_776_000L, Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant()).toSeconds());
        assertEquals(jwt.getExpiresAtAsInstant(), minted.expiresAt());
        assertEquals(fixture.clock.instant(), jwt.getIssuedAtAsInstant());
    }

    @Test
    void mintedTokenValidatesUntilItsLastSecondWithTheInjectedClock() throws Exception {
        MintedToken minted = fixture.mint(ScopeSets.DEFAULT);
        // #784: upstream minted at a pinned date and validated with the real clock; both clocks are ours here
        fixture.clock.set(Instant.parse("2026-07-24T12:00:00Z"));
        VerifiedToken verified = fixture.services.verifier().validate(minted.token(), ISSUERS);
        assertEquals("admin", verified.scopeSet());
        assertTrue(verified.hasScope(ScopeSets.HOST_ADMIN));

        fixture.clock.set(minted.expiresAt());
        TokenRejectedException expired = assertThrows(TokenRejectedException.class,
                () -> fixture.services.verifier().validate(minted.token(), ISSUERS));
        assertEquals("token_expired", expired.code());
    }

    @Test
    void everyMintIsARegistryRowWithItsOrigin() {
        MintedToken minted = fixture.mint(ScopeSets.AUTH);
        TokenRecord row = fixture.services.registry().find(minted.jti()).orElseThrow();

        assertEquals("operator", row.subject());
        assertNull(row.userId());
        assertEquals("parachute-hub", row.clientId());
        assertEquals(List.of("parachute:host:auth"), row.scopes());
        assertEquals("auth", row.scopeSet());
        assertEquals("operator_mint", row.createdVia());
        assertEquals(fixture.clock.instant(), row.createdAt());
        assertEquals(minted.expiresAt(), row.expiresAt());
        assertNull(row.revokedAt());
    }

    @Test
    void rotatingDoesNotRevokeOlderTokensButRevokeDoes() throws Exception {
        MintedToken first = fixture.mint(ScopeSets.DEFAULT);
        MintedToken second = fixture.mint(ScopeSets.DEFAULT);
        assertNotEquals(first.jti(), second.jti());
        fixture.services.verifier().validate(first.token(), ISSUERS);

        assertTrue(fixture.services.operatorTokens().revoke(first.jti()));
        TokenRejectedException revoked = assertThrows(TokenRejectedException.class,
                () -> fixture.services.verifier().validate(first.token(), ISSUERS));
        assertEquals(TokenRejectedException.Reason.REVOKED, revoked.reason());
        assertEquals("invalid_token", revoked.code());
        fixture.services.verifier().validate(second.token(), ISSUERS);
        assertEquals(fixture.clock.instant(), fixture.services.registry().find(first.jti()).orElseThrow().revokedAt());
    }

    @Test
    void revokeAllOperatorRevokesEveryLiveOperatorToken() {
        fixture.mint(ScopeSets.DEFAULT);
        fixture.mint(ScopeSets.START);
        assertEquals(2, fixture.services.operatorTokens().revokeAllOperator());
        assertEquals(0, fixture.services.operatorTokens().revokeAllOperator());
        assertTrue(fixture.services.registry().all().stream().allMatch(TokenRecord::isRevoked));
    }

    @Test
    void unknownScopeSetOrBlankIssuerIsRefusedBeforeAnythingIsRecorded() {
        OperatorTokens tokens = fixture.services.operatorTokens();
        assertThrows(IllegalArgumentException.class, () -> tokens.mint("root", "operator", TokenFixture.ISSUER, "x"));
        assertThrows(IllegalArgumentException.class, () -> tokens.mint("admin", "operator", " ", "x"));
        assertEquals(List.of(), fixture.services.registry().all());
    }

    @Test
    void mintNormalisesTheIssuersTrailingSlash() {
        MintedToken minted = fixture.services.operatorTokens().mint("admin", "operator", "https://hub.example.org//",
                CreatedVia.OPERATOR_MINT);
        assertEquals("https://hub.example.org", JWT.decode(minted.token()).getIssuer());
    }
}
