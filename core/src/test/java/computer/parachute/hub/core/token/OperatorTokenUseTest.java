package computer.parachute.hub.core.token;

import com.auth0.jwt.JWT;
import computer.parachute.hub.core.db.HubDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorTokenUseTest {
    private static final Set<String> ISSUERS = HubOrigins.acceptedIssuers(1939, Optional.empty());

    @TempDir
    Path dir;
    private TokenFixture fixture;
    private OperatorTokenFile file;
    private final AtomicInteger databaseOpens = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        fixture = new TokenFixture(dir, MutableClock.atUpstreamPin());
        file = new OperatorTokenFile(dir.resolve("operator.token"), warning -> { });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private OperatorTokenUse use() {
        Supplier<HubDatabase> database = () -> {
            databaseOpens.incrementAndGet();
            return fixture.db;
        };
        return new OperatorTokenUse(file, ISSUERS, database, fixture.clock);
    }

    @Test
    void aTokenWithMoreThan7DaysLeftIsSentAsIsWithoutOpeningHubDb() throws Exception {
        MintedToken minted = fixture.mint("admin");
        file.write(minted.token());
        fixture.clock.advance(OperatorTokens.TTL.minus(Duration.ofDays(7)).minusSeconds(1));

        UseOutcome outcome = use().useForCli();
        assertEquals(UseOutcome.Status.FRESH, outcome.status());
        assertEquals(minted.token(), outcome.token());
        assertEquals(0, databaseOpens.get(), "the common path never touches hub.db");
    }

    @Test
    void withinSevenDaysItIsReMintedWithTheSameScopeSetAndSubAndTheFileOverwritten() throws Exception {
        MintedToken minted = fixture.mint("auth");
        file.write(minted.token());
        fixture.clock.advance(OperatorTokens.TTL.minus(Duration.ofDays(6)));

        UseOutcome outcome = use().useForCli();
        assertEquals(UseOutcome.Status.ROTATED, outcome.status());
        assertNotEquals(minted.token(), outcome.token());
        assertEquals(Optional.of(outcome.token()), file.read());
        VerifiedToken rotated = fixture.services.verifier().validate(outcome.token(), ISSUERS);
        assertEquals("auth", rotated.scopeSet(), "never widened");
        assertEquals("operator", rotated.sub());
        assertEquals(fixture.clock.instant().plus(OperatorTokens.TTL), outcome.expiresAt());
        assertEquals("operator_auto_rotate",
                fixture.services.registry().find(rotated.jti()).orElseThrow().createdVia());
        assertEquals(2, fixture.services.registry().all().size());
    }

    @Test
    void aNonOperatorAudienceOrMissingScopeSetNearExpiryIsLeftAlone() throws Exception {
        Instant exp = fixture.clock.instant().plus(Duration.ofDays(3));
        assertSkipped(fixture.issuedByHub(b -> b.withAudience("vault").withExpiresAt(exp)), SkipReason.AUD_MISMATCH);
        assertSkipped(fixture.issuedByHub(b -> b.withClaim("pa_scope_set", (String) null).withExpiresAt(exp)),
                SkipReason.NO_SCOPE_SET);
        assertSkipped(fixture.issuedByHub(b -> b.withClaim("pa_scope_set", "root").withExpiresAt(exp)),
                SkipReason.NO_SCOPE_SET);
        assertSkipped(fixture.issuedByHub(b -> b.withSubject(null).withExpiresAt(exp)), SkipReason.NO_SUB);
        assertTrue(fixture.services.registry().all().stream()
                .noneMatch(row -> row.createdVia().equals(CreatedVia.AUTO_ROTATE)), "nothing minted");
    }

    private void assertSkipped(String token, SkipReason reason) throws Exception {
        file.write(token);
        byte[] before = Files.readAllBytes(file.path());
        UseOutcome outcome = use().useForCli();
        assertEquals(UseOutcome.Status.SKIPPED, outcome.status());
        assertEquals(reason, outcome.skipReason());
        assertEquals(token, outcome.token());
        assertArrayEquals(before, Files.readAllBytes(file.path()));
    }

    @Test
    void anExpiredTokenIsNeverReMintedSilently() throws Exception {
        MintedToken minted = fixture.mint("admin");
        file.write(minted.token());
        fixture.clock.set(minted.expiresAt());

        OperatorTokenExpiredException e = assertThrows(OperatorTokenExpiredException.class, () -> use().useForCli());
        assertEquals("your operator token has expired; run `parachute auth rotate-operator` to re-mint", e.getMessage());
        assertEquals(Optional.of(minted.token()), file.read());
        assertEquals(0, databaseOpens.get());
        assertThrows(OperatorTokenExpiredException.class, () -> use().useForCli(true));
    }

    @Test
    void noFileIsOneLineNamingTheCommandAndThePath() {
        NoOperatorTokenException e = assertThrows(NoOperatorTokenException.class, () -> use().useForCli());
        assertEquals("no operator token — run `parachute auth rotate-operator` to mint one (looked for "
                + file.path() + ")", e.getMessage());
    }

    @Test
    void garbageInTheFileIsInvalidWithTheFix() throws Exception {
        file.write("not-a-token");
        OperatorTokenInvalidException e = assertThrows(OperatorTokenInvalidException.class, () -> use().useForCli());
        assertEquals("the operator token at " + file.path() + " is not a JWT; run `parachute auth rotate-operator` "
                + "to re-mint", e.getMessage());
    }

    @Test
    void aFullCheckOrTheRotationPathCatchesRevokedAndForeignTokens() throws Exception {
        MintedToken minted = fixture.mint("admin");
        file.write(minted.token());
        assertEquals(UseOutcome.Status.FRESH, use().useForCli(true).status());
        fixture.services.operatorTokens().revoke(minted.jti());
        assertEquals(UseOutcome.Status.FRESH, use().useForCli().status(), "fast path trusts the hub to check");
        OperatorTokenInvalidException revoked = assertThrows(OperatorTokenInvalidException.class,
                () -> use().useForCli(true));
        assertEquals("your operator token has been revoked; run `parachute auth rotate-operator` to re-mint",
                revoked.getMessage());

        file.write(fixture.signedByStranger());
        fixture.clock.advance(Duration.ofDays(25));
        OperatorTokenInvalidException forged = assertThrows(OperatorTokenInvalidException.class, () -> use().useForCli());
        assertTrue(forged.getMessage().startsWith("your operator token's signature does not verify;"));
    }

    @Test
    void aTokenFromAnotherHubOriginIsNotReMintedUnderIt() throws Exception {
        Instant exp = fixture.clock.instant().plus(Duration.ofDays(3));
        file.write(fixture.issuedByHub(b -> b.withIssuer("https://elsewhere.example").withExpiresAt(exp)));
        OperatorTokenInvalidException e = assertThrows(OperatorTokenInvalidException.class, () -> use().useForCli());
        assertEquals("your operator token was issued by https://elsewhere.example, which is not an origin of this "
                + "hub; run `parachute auth rotate-operator` to re-mint", e.getMessage());
        assertEquals("https://elsewhere.example", JWT.decode(file.read().orElseThrow()).getIssuer());
    }
}
