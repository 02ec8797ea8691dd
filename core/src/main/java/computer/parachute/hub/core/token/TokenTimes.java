package computer.parachute.hub.core.token;

import computer.parachute.hub.core.json.JsonFiles;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code iat} and {@code exp} of a JWT, read from its payload without checking anything: what the CLI needs to
 * decide whether its token is fresh. It uses the JSON-P parser the CLI loads anyway; java-jwt's decoder would load
 * Jackson (some 450 classes, a fifth of a {@code parachute status} call) for two numbers. Verification stays with
 * {@link TokenVerifier}.
 *
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 */
public record TokenTimes(Instant issuedAt, Instant expiresAt) {
    /** A token file is small; anything longer is not an operator token. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    /** Both times, or empty when {@code token} is not a JWT with numeric {@code iat} and {@code exp}. */
    public static Optional<TokenTimes> of(String token) {
        return claims(token).flatMap(TokenTimes::fromClaims);
    }

    /** The payload's claims, or empty when {@code token} is not a JWT (three parts, a base64url JSON object). */
    public static Optional<JsonObject> claims(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try (JsonReader reader = JsonFiles.reader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))) {
            return Optional.of(reader.readObject());
        } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** {@code iat} and {@code exp} from decoded claims, or empty when either is missing or not whole seconds. */
    public static Optional<TokenTimes> fromClaims(JsonObject claims) {
        Optional<Instant> issuedAt = seconds(claims.get("iat"));
        Optional<Instant> expiresAt = seconds(claims.get("exp"));
        return issuedAt.isPresent() && expiresAt.isPresent()
                ? Optional.of(new TokenTimes(issuedAt.get(), expiresAt.get())) : Optional.empty();
    }

    private static Optional<Instant> seconds(JsonValue value) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(number.longValue()));
    }
}
