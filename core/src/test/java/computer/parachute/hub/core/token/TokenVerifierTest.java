package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static computer.parachute.hub.core.token.TokenRejectedException.Reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hostile-token corpus against the verifier; one hub.db for the class (key generation is the slow part). */
class TokenVerifierTest {
    private static final Instant START = Instant.parse("2026-04-26T12:00:00Z");
    private static final Set<String> ISSUERS = HubOrigins.acceptedIssuers(1939,
            Optional.of("https://hub.example.org"));

    @TempDir
    static Path dir;
    private static TokenFixture fixture;

    @BeforeAll
    static void open() throws Exception {
        fixture = new TokenFixture(dir, new MutableClock(START));
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void resetClock() {
        fixture.clock.set(START);
    }

    @Test
    void aMintedTokenValidatesUnderEveryOriginAliasOfTheHub() throws Exception {
        for (String issuer : ISSUERS) {
            String token = fixture.services.operatorTokens().mint("admin", "operator", issuer + "/", "test").token();
            assertEquals(issuer, fixture.services.verifier().validate(token, ISSUERS).iss());
        }
    }

    @Test
    void expiredIsTokenExpiredWithTheFixNotTheLibraryText() {
        MintedToken minted = fixture.mint("admin");
        fixture.clock.advance(OperatorTokens.TTL.plusSeconds(1));
        TokenRejectedException e = rejected(minted.token(), Reason.EXPIRED);
        assertEquals("token_expired", e.code());
        assertEquals("bearer token expired at " + minted.expiresAt()
                + "; run `parachute auth rotate-operator` to re-mint", e.getMessage());
    }

    @Test
    void issuedInTheFutureOrNotBeforeInTheFutureIsNotYetValid() {
        Instant later = START.plus(Duration.ofHours(1));
        rejected(fixture.signedByHub(b -> b.withIssuedAt(later).withExpiresAt(later.plus(Duration.ofDays(1)))),
                Reason.NOT_YET_VALID);
        rejected(fixture.signedByHub(b -> b.withNotBefore(later)), Reason.NOT_YET_VALID);
    }

    @Test
    void signatureFailuresAndForeignKeysAreInvalid() {
        rejected(fixture.signedByStranger(), Reason.BAD_SIGNATURE);
        rejected(TokenFixture.withSignatureByte(fixture.mint("admin").token(), 0x01), Reason.BAD_SIGNATURE);
        rejected(fixture.signedByHub(b -> b.withKeyId("unknown-kid")), Reason.UNKNOWN_KEY);
        rejected(fixture.signedByHub(b -> b.withKeyId(null)), Reason.MISSING_KID);
    }

    @Test
    void algorithmConfusionIsRejectedBeforeAnyVerification() {
        TokenRejectedException none = rejected(fixture.algNone(), Reason.UNSUPPORTED_ALGORITHM);
        assertEquals("bearer token is signed with none; only RS256 is accepted", none.getMessage());
        rejected(fixture.hs256WithPublicKey(), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void wrongAudienceAndWrongIssuerAreInvalidAfterTheSignatureChecks() {
        rejected(fixture.issuedByHub(b -> b.withAudience("vault")), Reason.WRONG_AUDIENCE);
        TokenRejectedException issuer = rejected(fixture.issuedByHub(b -> b.withIssuer("https://evil.example")),
                Reason.WRONG_ISSUER);
        assertTrue(issuer.getMessage().startsWith("bearer token issuer https://evil.example is not one of"));
        rejected(fixture.issuedByHub(b -> b.withIssuer(null)), Reason.WRONG_ISSUER);
    }

    @Test
    void tokensWithoutExpiryOrIdAreInvalid() {
        rejected(fixture.signedByHub(b -> b.withExpiresAt((Instant) null)), Reason.MISSING_CLAIM);
        rejected(fixture.signedByHub(b -> b.withJWTId(null)), Reason.MISSING_CLAIM);
    }

    @Test
    void garbageOfEveryShapeIsMalformedNeverAnException() {
        String token = fixture.mint("admin").token();
        for (String garbage : new String[] {"", " ", "abc", "a.b", "a.b.c", token.substring(0, token.length() / 2),
                token.substring(0, token.lastIndexOf('.')), "x".repeat(10 * 1024), "%%%.%%%.%%%",
                "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"}) {
            TokenRejectedException e = assertThrows(TokenRejectedException.class,
                    () -> fixture.services.verifier().validate(garbage, ISSUERS), garbage);
            assertEquals("invalid_token", e.code(), garbage);
        }
        rejected(null, Reason.MALFORMED);
    }

    @Test
    void signingKeyRotationKeepsOldTokensValidFor24HoursThenRejectsThem() throws Exception {
        try (TokenFixture own = new TokenFixture(dir.resolve("rotation"), new MutableClock(START))) {
            MintedToken before = own.mint("admin");
            own.services.signingKeys().rotate();
            MintedToken after = own.mint("admin");

            own.clock.advance(Duration.ofHours(23));
            own.services.verifier().validate(before.token(), ISSUERS);
            own.clock.advance(Duration.ofHours(2));
            TokenRejectedException e = assertThrows(TokenRejectedException.class,
                    () -> own.services.verifier().validate(before.token(), ISSUERS));
            assertEquals(Reason.UNKNOWN_KEY, e.reason());
            own.services.verifier().validate(after.token(), ISSUERS);
        }
    }

    @Test
    void aTokenSignedWithTheHubsOwnKeyButNeverMintedIsRefused() {
        // what anyone holding a copy of the signing key could forge: every claim right, only the record missing
        TokenRejectedException e = rejected(fixture.signedByHub(b -> b), Reason.NOT_ISSUED);
        assertEquals("invalid_token", e.code());
        assertEquals("bearer token was not issued by this hub (no record of its jti); run `parachute auth"
                + " rotate-operator` to re-mint", e.getMessage());
    }

    @Test
    void aForgedTokenReusingARecordedJtiMustMatchTheRecord() throws Exception {
        MintedToken narrow = fixture.mint("auth");
        rejected(fixture.signedByHub(b -> b.withJWTId(narrow.jti()).withExpiresAt(narrow.expiresAt())
                        .withIssuedAt(narrow.expiresAt().minus(OperatorTokens.TTL))),
                Reason.NOT_ISSUED); // admin scopes on the jti of an auth-only token
        rejected(fixture.signedByHub(b -> b.withJWTId(narrow.jti())
                .withClaim(OperatorTokens.CLAIM_SCOPE, ScopeSets.HOST_AUTH)), Reason.NOT_ISSUED); // another exp
        fixture.services.verifier().validate(narrow.token(), ISSUERS);
    }

    @Test
    void aTokenLivingLongerThanItsScopeSetAllowsIsRefusedEvenWhenRecorded() throws Exception {
        Instant iat = START.minusSeconds(60);
        TokenRejectedException e = rejected(fixture.issuedByHub(b -> b.withIssuedAt(iat)
                .withExpiresAt(iat.plus(OperatorTokens.TTL).plusSeconds(1))), Reason.LIFETIME_TOO_LONG);
        assertEquals("invalid_token", e.code());
        assertTrue(e.getMessage().startsWith("bearer token lives 7776001 s (exp - iat), over the 90-day maximum"),
                e.getMessage());
        fixture.services.verifier().validate(fixture.issuedByHub(b -> b.withIssuedAt(iat)
                .withExpiresAt(iat.plus(OperatorTokens.TTL))), ISSUERS); // exactly the maximum is fine
        rejected(fixture.issuedByHub(b -> b.withIssuedAt(iat).withExpiresAt(iat.plus(Duration.ofDays(3650)))),
                Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void rotatingTheKeyAtOnceCutsOffEveryTokenItSignedImmediately() throws Exception {
        try (TokenFixture own = new TokenFixture(dir.resolve("rotate-now"), new MutableClock(START))) {
            MintedToken before = own.mint("admin");
            own.services.signingKeys().rotate(); // an earlier, ordinary rotation: still inside its 24 h
            MintedToken middle = own.mint("auth");
            own.services.verifier().validate(before.token(), ISSUERS);
            own.services.signingKeys().rotate(true);
            for (MintedToken old : new MintedToken[] {before, middle}) {
                TokenRejectedException e = assertThrows(TokenRejectedException.class,
                        () -> own.services.verifier().validate(old.token(), ISSUERS));
                assertEquals(Reason.UNKNOWN_KEY, e.reason());
            }
            own.services.verifier().validate(own.mint("admin").token(), ISSUERS);
        }
    }

    @Test
    void verifyWithoutPinsAcceptsAnyAudienceAndIssuerButStillChecksRevocation() throws Exception {
        String foreign = fixture.issuedByHub(b -> b.withAudience("vault").withIssuer("https://elsewhere"));
        VerifiedToken verified = fixture.services.verifier().verify(foreign);
        assertFalse(verified.isOperatorAudience());
        MintedToken minted = fixture.mint("admin");
        fixture.services.operatorTokens().revoke(minted.jti());
        assertThrows(TokenRejectedException.class, () -> fixture.services.verifier().verify(minted.token()));
    }

    @Test
    void aTokenThatPassedIsStoppedAtOnceByARevocationFromAnotherProcess() throws Exception {
        // the CLI revokes through its own connection to hub.db; the hub's remembered pass must not outlive it
        MintedToken minted = fixture.mint("admin");
        fixture.services.verifier().validate(minted.token(), ISSUERS);
        fixture.services.verifier().validate(minted.token(), ISSUERS);
        try (HubDatabase cli = HubDatabase.open(dir.resolve("hub.db"))) {
            assertTrue(TokenServices.over(cli, fixture.clock).operatorTokens().revoke(minted.jti()));
        }
        rejected(minted.token(), Reason.REVOKED);
    }

    /** The per-request read of a remembered token's row compares what the full check compares: scopes and expiry. */
    @Test
    void aTokenThatPassedIsRefusedOnceItsRecordNoLongerMatches() throws Exception {
        MintedToken scopes = fixture.mint("admin");
        MintedToken expiry = fixture.mint("admin");
        fixture.services.verifier().validate(scopes.token(), ISSUERS);
        fixture.services.verifier().validate(expiry.token(), ISSUERS);
        try (java.sql.Connection connection = fixture.db.connection();
             java.sql.PreparedStatement narrow = connection.prepareStatement("UPDATE tokens SET scopes = ? WHERE jti = ?");
             java.sql.PreparedStatement later = connection.prepareStatement(
                     "UPDATE tokens SET expires_at = expires_at + 1000 WHERE jti = ?")) {
            narrow.setString(1, ScopeSets.HOST_AUTH);
            narrow.setString(2, scopes.jti());
            assertEquals(1, narrow.executeUpdate());
            later.setString(1, expiry.jti());
            assertEquals(1, later.executeUpdate());
        }
        rejected(scopes.token(), Reason.NOT_ISSUED);
        rejected(expiry.token(), Reason.NOT_ISSUED);
    }

    @Test
    void aTokenThatPassedStillExpiresAndStillCannotBeUsedBeforeItWasIssued() throws Exception {
        MintedToken minted = fixture.mint("admin");
        fixture.services.verifier().validate(minted.token(), ISSUERS);
        fixture.clock.set(START.minusSeconds(1));
        rejected(minted.token(), Reason.NOT_YET_VALID);
        fixture.clock.set(START);
        fixture.services.verifier().validate(minted.token(), ISSUERS);
        fixture.clock.set(minted.expiresAt().minusMillis(1));
        fixture.services.verifier().validate(minted.token(), ISSUERS); // the last second: the full check decides
        fixture.clock.set(minted.expiresAt());
        TokenRejectedException e = rejected(minted.token(), Reason.EXPIRED);
        assertEquals("bearer token expired at " + minted.expiresAt()
                + "; run `parachute auth rotate-operator` to re-mint", e.getMessage());
    }

    @Test
    void everyReasonButExpiryMapsToInvalidToken() {
        for (Reason reason : Reason.values()) {
            String expected = reason == Reason.EXPIRED ? "token_expired" : "invalid_token";
            assertEquals(expected, new TokenRejectedException(reason, "x").code(), reason.name());
        }
    }

    private static TokenRejectedException rejected(String token, Reason reason) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> fixture.services.verifier().validate(token, ISSUERS));
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(e.getMessage().contains("com.auth0"), e.getMessage());
        return e;
    }
}
