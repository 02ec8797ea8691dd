package computer.parachute.hub.core.token;

import computer.parachute.hub.core.home.HubHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OperatorIssuerSelfHealTest {
    private static final String PUBLIC = "https://hub.example.org";

    @TempDir
    Path dir;
    private TokenFixture fixture;
    private OperatorTokenFile file;
    private OperatorIssuerSelfHeal selfHeal;

    @BeforeEach
    void open() throws Exception {
        fixture = new TokenFixture(dir, MutableClock.atUpstreamPin());
        file = new OperatorTokenFile(new HubHome(dir).operatorToken(), warning -> { });
        selfHeal = new OperatorIssuerSelfHeal(file, () -> fixture.db, fixture.clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aStaleLoopbackIssuerIsReMintedUnderThePublicOriginWithTheSameScopeSet() throws Exception {
        file.write(fixture.mint("auth").token());
        SelfHealOutcome outcome = selfHeal.heal(PUBLIC + "/");

        assertEquals(SelfHealOutcome.Status.ROTATED, outcome.status());
        assertEquals("auth", outcome.scopeSet());
        assertEquals(dir.resolve("operator.token"), outcome.path());
        VerifiedToken healed = fixture.services.verifier().validate(file.read().orElseThrow(), Set.of(PUBLIC));
        assertEquals(PUBLIC, healed.iss());
        assertEquals("auth", healed.scopeSet());
        assertEquals(outcome.expiresAt(), healed.exp());
        assertEquals("operator_issuer_self_heal",
                fixture.services.registry().find(healed.jti()).orElseThrow().createdVia());
    }

    @Test
    void aTokenAlreadyCarryingTheTargetIssuerIsFreshAndByteIdentical() throws Exception {
        file.write(fixture.services.operatorTokens().mint("admin", "operator", PUBLIC, CreatedVia.OPERATOR_MINT).token());
        byte[] before = Files.readAllBytes(file.path());
        assertEquals(SelfHealOutcome.Status.FRESH, selfHeal.heal(PUBLIC).status());
        assertArrayEquals(before, Files.readAllBytes(file.path()));
    }

    @Test
    void noFileIsAbsent() {
        assertEquals(SelfHealOutcome.Status.ABSENT, selfHeal.heal(PUBLIC).status());
    }

    @Test
    void aLoopbackTargetNeverDowngradesAPublicToken() throws Exception {
        file.write(fixture.services.operatorTokens().mint("admin", "operator", PUBLIC, CreatedVia.OPERATOR_MINT).token());
        byte[] before = Files.readAllBytes(file.path());
        for (String loopback : new String[] {"http://127.0.0.1:1939", "http://localhost:1939", "http://[::1]:1939",
                "http://0.0.0.0:1939"}) {
            assertSkipped(loopback, SkipReason.ISSUER_LOOPBACK, before);
        }
    }

    @Test
    void unverifiableOrUnsuitableTokensAreSkippedWithTheirReasonAndLeftUntouched() throws Exception {
        assertSkipped(fixture.signedByStranger(), SkipReason.UNVERIFIABLE);
        assertSkipped(fixture.issuedByHub(b -> b.withAudience("vault")), SkipReason.AUD_MISMATCH);
        assertSkipped(fixture.issuedByHub(b -> b.withClaim("pa_scope_set", (String) null)), SkipReason.NO_SCOPE_SET);
        assertSkipped(fixture.issuedByHub(b -> b.withSubject(null)), SkipReason.NO_SUB);
        assertSkipped(fixture.issuedByHub(b -> b.withSubject("")), SkipReason.NO_SUB);
        String expiring = fixture.mint("admin").token();
        fixture.clock.advance(OperatorTokens.TTL.plus(Duration.ofSeconds(1)));
        assertSkipped(expiring, SkipReason.UNVERIFIABLE);
    }

    private void assertSkipped(String token, SkipReason reason) throws Exception {
        file.write(token);
        assertSkipped(PUBLIC, reason, Files.readAllBytes(file.path()));
    }

    private void assertSkipped(String target, SkipReason reason, byte[] before) throws Exception {
        SelfHealOutcome outcome = selfHeal.heal(target);
        assertEquals(SelfHealOutcome.Status.SKIPPED, outcome.status(), reason.wireName());
        assertEquals(reason, outcome.skipReason());
        assertArrayEquals(before, Files.readAllBytes(file.path()), "file untouched");
    }
}
