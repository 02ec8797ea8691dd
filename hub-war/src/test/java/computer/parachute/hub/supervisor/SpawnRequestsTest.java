package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ToolPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpawnRequestsTest {
    private static final Set<Path> EXISTING = Set.of(Path.of("/home/op/.local/bin"), Path.of("/usr/local/bin"),
            Path.of("/usr/bin"));
    private final SpawnRequests requests = new SpawnRequests(
            new ToolPath("/usr/bin:/hub/bin", "/home/op", EXISTING::contains), null, () -> null, () -> 0);

    @Test
    void servicesJsonPortWinsOverDotEnvAndExtra() {
        SpawnRequest request = build(Map.of("PORT", "9999", "A", "1"), null, Map.of("PORT", "7777"));
        assertEquals("1940", request.env().get("PORT"));
        assertEquals(OptionalInt.of(1940), request.port());
        assertEquals("1", request.env().get("A"));
    }

    @Test
    void hubOriginBeatsAStaleDotEnvValueAndExtraEnvComesLast() {
        SpawnRequest request = build(Map.of("PARACHUTE_HUB_ORIGIN", "http://stale", "B", "env"),
                "http://127.0.0.1:1939", Map.of("B", "extra"));
        assertEquals("http://127.0.0.1:1939", request.env().get("PARACHUTE_HUB_ORIGIN"));
        assertEquals("extra", request.env().get("B"));
    }

    @Test
    void noHubOriginLeavesTheDotEnvValue() {
        SpawnRequest request = build(Map.of("PARACHUTE_HUB_ORIGIN", "http://from-env"), null, Map.of());
        assertEquals("http://from-env", request.env().get("PARACHUTE_HUB_ORIGIN"));
    }

    @Test
    void pathIsTheHubPathPlusExistingToolDirsWithoutDuplicates() {
        SpawnRequest request = build(Map.of(), null, Map.of());
        assertEquals("/usr/bin:/hub/bin:/home/op/.local/bin:/usr/local/bin", request.env().get("PATH"));
    }

    @Test
    void aDotEnvPathIsEnrichedRatherThanReplaced() {
        SpawnRequest request = build(Map.of("PATH", "/custom"), null, Map.of());
        assertEquals("/custom:/home/op/.local/bin:/usr/local/bin:/usr/bin", request.env().get("PATH"));
    }

    @Test
    void cwdIsTheInstallDirAndCmdIsKept() {
        SpawnRequest request = build(Map.of(), null, Map.of());
        assertEquals(Path.of("/opt/vault"), request.cwd());
        assertEquals(List.of("parachute-vault", "serve"), request.cmd());
        assertNull(requests.build("x", List.of("x"), 1, null, Map.of(), null, Map.of()).cwd());
    }

    @Test
    void aRequestWithoutAValidPortHasNoGate() {
        SpawnRequest request = new SpawnRequest("x", List.of("sleep", "1"), null, Map.of("PORT", "nope"));
        assertFalse(request.port().isPresent());
        assertTrue(new SpawnRequest("x", List.of("sleep"), null, Map.of("PORT", "80")).port().isPresent());
    }

    private SpawnRequest build(Map<String, String> envFile, String origin, Map<String, String> extra) {
        return requests.build("vault", List.of("parachute-vault", "serve"), 1940, Path.of("/opt/vault"), envFile,
                origin, extra);
    }
}
