package computer.parachute.hub.core.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenTimesTest {
    private static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    /** The same two numbers java-jwt's decoder reads, from a token java-jwt wrote. */
    @Test
    void readsIatAndExpAsJavaJwtDoes() {
        Instant iat = Instant.ofEpochSecond(1_780_000_000L);
        Instant exp = iat.plusSeconds(90L * 24 * 3600);
        String token = JWT.create().withIssuedAt(iat).withExpiresAt(exp).withClaim("scope", "a b")
                .sign(Algorithm.HMAC256("test-only"));
        TokenTimes times = TokenTimes.of(token).orElseThrow();
        assertEquals(JWT.decode(token).getIssuedAtAsInstant(), times.issuedAt());
        assertEquals(JWT.decode(token).getExpiresAtAsInstant(), times.expiresAt());
        assertEquals(exp, TokenTimes.of("  " + token + "\n").orElseThrow().expiresAt());
    }

    @Test
    void anythingButAJwtWithWholeSecondTimesIsEmpty() {
        assertTrue(TokenTimes.of(null).isEmpty());
        assertTrue(TokenTimes.of("not-a-token").isEmpty());
        assertTrue(TokenTimes.of("a.b").isEmpty());
        assertTrue(TokenTimes.of("a.!!!.c").isEmpty(), "payload is not base64url");
        assertTrue(TokenTimes.of(jwt("[1,2]")).isEmpty(), "payload is not an object");
        assertTrue(TokenTimes.of(jwt("{\"iat\":1")).isEmpty(), "payload is not JSON");
        assertTrue(TokenTimes.of(jwt("{\"iat\":1}")).isEmpty(), "no exp");
        assertTrue(TokenTimes.of(jwt("{\"iat\":1,\"exp\":\"2\"}")).isEmpty(), "exp is a string");
        assertTrue(TokenTimes.of(jwt("{\"iat\":1,\"exp\":2.5}")).isEmpty(), "exp is not whole seconds");
        assertTrue(TokenTimes.claims(jwt("{\"iat\":1}")).isPresent(), "a JWT without exp is still a JWT");
        assertTrue(TokenTimes.of("x".repeat(TokenTimes.MAX_TOKEN_CHARS + 1)).isEmpty());
        assertEquals(Instant.ofEpochSecond(2), TokenTimes.of(jwt("{\"iat\":1,\"exp\":2}")).orElseThrow().expiresAt());
    }
}
