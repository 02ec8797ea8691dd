package computer.parachute.hub.cli.client;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

/**
 * Reads operator.token and refuses an absent or expired one before any request, without opening hub.db or
 * verifying RSA (the hub verifies; the CLI only needs {@code exp} to give the friendly message). An unreadable
 * payload is sent as it is and the hub's 401 speaks for it.
 */
public final class FileOperatorBearer implements OperatorBearer {
    private final Path file;
    private final Clock clock;

    public FileOperatorBearer(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public String bearer() throws OperatorTokenException {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new NoOperatorTokenException(file);
        } catch (IOException e) {
            throw new OperatorTokenException("cannot read " + file + " (" + e.getMessage() + ") — fix its permissions or run `parachute auth rotate-operator`");
        }
        if (token.isEmpty()) {
            throw new NoOperatorTokenException(file);
        }
        Long exp = expiry(token);
        if (exp != null && exp <= clock.instant().getEpochSecond()) {
            throw new OperatorTokenExpiredException();
        }
        return token;
    }

    /** The {@code exp} claim in seconds, or null when the payload cannot be read. */
    static Long expiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject claims && claims.get("exp") instanceof JsonNumber exp) {
                return exp.longValue();
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
