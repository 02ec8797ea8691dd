package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The snapshot serialises with simple, stable keys (the API returns it as is). */
class ModuleSnapshotJsonTest {
    @Test
    void snapshotSerialisesWithShortStateAndStartError() throws Exception {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        ModuleSnapshot snapshot = new ModuleSnapshot("vault", "crashed", null, null, 3, 1, at,
                StartError.of(StartErrorType.MISSING_DEPENDENCY, "no binary", "parachute-vault", at), false);
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"lastCrashAt\":\"2026-01-02T03:04:05Z\",\"lastExitCode\":1,\"ready\":false,\"restartsInWindow\":3,"
                    + "\"short\":\"vault\",\"startError\":{\"at\":\"2026-01-02T03:04:05Z\",\"binary\":"
                    + "\"parachute-vault\",\"description\":\"no binary\",\"type\":\"missing_dependency\"},"
                    + "\"state\":\"crashed\"}", jsonb.toJson(snapshot));
        }
    }
}
