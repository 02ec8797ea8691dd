package computer.parachute.hub.cli.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileOperatorBearerTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void missingOrEmptyFileNamesRotateOperator() throws Exception {
        Path file = dir.resolve("operator.token");
        OperatorTokenException e = assertThrows(NoOperatorTokenException.class, () -> new FileOperatorBearer(file, NOW).bearer());
        assertEquals("no operator token — run `parachute auth rotate-operator` to mint one (looked for " + file + ")", e.getMessage());
        Files.writeString(file, "  \n");
        assertThrows(NoOperatorTokenException.class, () -> new FileOperatorBearer(file, NOW).bearer());
    }

    @Test
    void expiredTokenIsRefusedBeforeSending() throws Exception {
        Path file = dir.resolve("operator.token");
        Files.writeString(file, jwt(NOW.instant().getEpochSecond() - 1) + "\n");
        OperatorTokenException e = assertThrows(OperatorTokenExpiredException.class, () -> new FileOperatorBearer(file, NOW).bearer());
        assertEquals("your operator token has expired; run `parachute auth rotate-operator` to re-mint", e.getMessage());
    }

    @Test
    void liveTokenIsReturnedTrimmed() throws Exception {
        Path file = dir.resolve("operator.token");
        String token = jwt(NOW.instant().getEpochSecond() + 3_600);
        Files.writeString(file, token + "\n");
        assertEquals(token, new FileOperatorBearer(file, NOW).bearer());
    }

    static String jwt(long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8)) + ".sig";
    }
}
