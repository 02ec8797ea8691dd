package computer.parachute.hub.proxy;

import computer.parachute.hub.core.manifest.ServiceEntry;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {
    private final List<String> problems = new ArrayList<>();

    private static ServiceEntry row(String name, int port, boolean strip, String... paths) {
        return new ServiceEntry(name, port, List.of(paths), "/health", "1", null, null, null, null,
                Json.createObjectBuilder().add("stripPrefix", strip).build());
    }

    private RouteTable table(ServiceEntry... rows) {
        return RouteTable.of(List.of(rows), problems::add);
    }

    @Test
    void longestMountPathWinsOnWholeSegments() {
        RouteTable routes = table(row("parachute-vault", 1940, false, "/vault"), row("deep", 1950, true, "/vault/deep/"));
        assertEquals("vault", routes.match("/vault").orElseThrow().route().shortName());
        assertEquals("vault", routes.match("/vault/").orElseThrow().route().shortName());
        assertEquals("vault", routes.match("/vault/x/y").orElseThrow().route().shortName());
        assertEquals("deep", routes.match("/vault/deep").orElseThrow().route().shortName());
        assertEquals("deep", routes.match("/vault/deep/z").orElseThrow().route().shortName());
        assertEquals("vault", routes.match("/vault/deeper").orElseThrow().route().shortName(), "whole segments only");
        assertTrue(routes.match("/vaultx").isEmpty());
        assertTrue(routes.match("/").isEmpty());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void stripPrefixRemovesTheMountPathFromTheRawPath() {
        RouteTable routes = table(row("deep", 1950, true, "/a/b"), row("keep", 1951, false, "/k"));
        RouteMatch deep = routes.match("/a/b/c d").orElseThrow();
        assertEquals(Optional.of("/c%20d"), deep.forwardedPath("/a/b/c%20d"));
        assertEquals(Optional.of("/"), deep.forwardedPath("/a/b"));
        assertEquals(Optional.of("/k/x"), routes.match("/k/x").orElseThrow().forwardedPath("/k/x"));
        assertEquals(Optional.empty(), deep.forwardedPath("/a/%62/c"), "a mount path reached through percent-encoding");
    }

    @Test
    void hubRoutesAreNeverRoutedAndShadowingOrTakenPathsAreSkippedWithAReason() {
        RouteTable routes = table(row("sneaky", 1950, false, "/api", "/health", "/sneaky"), row("copycat", 1951, false, "/sneaky", "/cat"));
        assertTrue(routes.match("/api/modules").isEmpty());
        assertTrue(routes.match("/health").isEmpty());
        assertEquals("sneaky", routes.match("/sneaky/x").orElseThrow().route().shortName(), "the first row keeps a shared path");
        assertEquals("copycat", routes.match("/cat").orElseThrow().route().shortName());
        assertEquals(List.of("/sneaky"), routes.modules().get(0).paths());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("\"sneaky\": not routing path \"/api\" is the hub's own route"), problems.get(0));
        assertTrue(problems.get(2).contains("already mounted by \"sneaky\""), problems.get(2));
    }
}
