package computer.parachute.hub.cli.it;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.token.CreatedVia;
import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.core.token.OperatorTokens;
import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.core.token.SigningKey;
import computer.parachute.hub.core.token.TokenServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 "tokens are an allow-list", end to end: a real hub started by the real parachute.jar; forged tokens are
 * signed with the private key read out of that hub's hub.db, as someone who copied the file would.
 */
class TokenTrustIT extends RunningHubScenario {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Every test leaves a working admin token behind, as the operator would after reading the CLI's advice. */
    @AfterEach
    void freshOperatorToken() throws Exception {
        CliProcess.Result rotate = cli.run("auth", "rotate-operator");
        assertEquals(0, rotate.code(), rotate.all());
    }

    @Test
    void aTokenSignedWithTheLeakedKeyButNeverMintedIsRefused() throws Exception {
        String forged;
        try (HubDatabase db = HubDatabase.open(cli.home.resolve("hub.db"))) {
            SigningKey key = TokenServices.over(db, Clock.systemUTC()).signingKeys().activeKey();
            Instant iat = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            forged = JWT.create().withKeyId(key.kid()).withIssuer(HubOrigins.loopbackIssuer(cli.hubPort))
                    .withSubject("operator").withAudience(OperatorTokens.AUDIENCE)
                    .withClaim(OperatorTokens.CLAIM_CLIENT_ID, OperatorTokens.CLIENT_ID)
                    .withClaim(OperatorTokens.CLAIM_SCOPE, String.join(" ", ScopeSets.require(ScopeSets.ADMIN)))
                    .withClaim(OperatorTokens.CLAIM_SCOPE_SET, ScopeSets.ADMIN).withJWTId("minted-by-a-thief")
                    .withIssuedAt(iat).withExpiresAt(iat.plus(Duration.ofDays(30)))
                    .sign(Algorithm.RSA256(key.publicKey(), key.privateKey()));
        }
        HttpResponse<String> refused = modules(forged);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().startsWith("{\"error\":\"invalid_token\",\"error_description\":\"bearer token was"
                + " not issued by this hub"), refused.body());

        Files.writeString(cli.home.resolve("operator.token"), forged + "\n");
        CliProcess.Result start = cli.run("start", "vault");
        assertEquals(1, start.code(), start.all());
        assertTrue(start.stderr().contains("rotate-operator") && !start.showsARaw401(), start.all());
    }

    @Test
    void revokeAllOperatorReachesEveryTokenTheHubWouldAccept() throws Exception {
        List<String> tokens = new ArrayList<>();
        tokens.add(Files.readString(cli.home.resolve("operator.token")).trim());
        try (HubDatabase db = HubDatabase.open(cli.home.resolve("hub.db"))) {
            OperatorTokens minting = TokenServices.over(db, Clock.systemUTC()).operatorTokens();
            for (String set : List.of(ScopeSets.AUTH, ScopeSets.ADMIN, ScopeSets.START)) {
                tokens.add(minting.mint(set, "operator", HubOrigins.loopbackIssuer(cli.hubPort),
                        CreatedVia.OPERATOR_MINT).token());
            }
        }
        assertEquals(200, modules(tokens.get(0)).statusCode());
        CliProcess.Result revoke = cli.run("auth", "revoke", "--all-operator");
        assertEquals(0, revoke.code(), revoke.all());
        assertTrue(revoke.stdout().startsWith("✓ Revoked 4 operator token(s)"), revoke.all());
        for (String token : tokens) {
            HttpResponse<String> answer = modules(token);
            assertEquals(401, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"error\":\"invalid_token\""), answer.body());
        }
    }

    @Test
    void rotateKeyNowCutsOffEveryTokenSignedByTheOldKeyAtOnce() throws Exception {
        String before = Files.readString(cli.home.resolve("operator.token")).trim();
        assertEquals(200, modules(before).statusCode());

        CliProcess.Result rotate = cli.run("auth", "rotate-key", "--now");
        assertEquals(0, rotate.code(), rotate.all());
        List<String> lines = rotate.stdout().lines().toList();
        assertEquals(2, lines.size(), rotate.all());
        assertTrue(lines.get(0).startsWith("✓ Rotated signing key (new kid "), rotate.all());
        assertEquals("Every token signed by the old key stopped working, your operator token too: run"
                + " `parachute auth rotate-operator`.", lines.get(1));

        HttpResponse<String> old = modules(before);
        assertEquals(401, old.statusCode(), old.body());
        assertTrue(old.body().contains("\"error\":\"invalid_token\""), old.body());
        CliProcess.Result start = cli.run("start", "vault");
        assertEquals(1, start.code(), start.all());
        assertEquals(1, start.stderr().lines().count(), start.all());
        assertTrue(start.stderr().contains("parachute auth rotate-operator"), start.all());

        CliProcess.Result remint = cli.run("auth", "rotate-operator");
        assertEquals(0, remint.code(), remint.all());
        assertEquals(200, modules(Files.readString(cli.home.resolve("operator.token")).trim()).statusCode());
        assertFalse(before.equals(Files.readString(cli.home.resolve("operator.token")).trim()));
    }

    private HttpResponse<String> modules(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cli.hubPort + "/api/modules"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
