package computer.parachute.hub.core.manifest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReservedPathsTest {
    @Test
    void hubRoutesAreExactOrWholeTrees() {
        assertTrue(ReservedPaths.isHubRoute("/health"));
        assertTrue(ReservedPaths.isHubRoute("/"));
        assertTrue(ReservedPaths.isHubRoute("/api"));
        assertTrue(ReservedPaths.isHubRoute("/api/modules/vault"));
        assertTrue(ReservedPaths.isHubRoute("/.well-known/parachute.json"));
        assertTrue(ReservedPaths.isHubRoute("/ui/index.html"));
        assertFalse(ReservedPaths.isHubRoute("/apix"), "whole segments only");
        assertFalse(ReservedPaths.isHubRoute("/health/x"), "/health is exact, not a tree");
        assertFalse(ReservedPaths.isHubRoute("/vault"));
    }

    @Test
    void modulePathsThatShadowTheHubAreRefusedWithTheReason() {
        assertTrue(ReservedPaths.conflict("/api").orElseThrow().contains("hub's own route"));
        assertTrue(ReservedPaths.conflict("/api/vault").isPresent());
        assertTrue(ReservedPaths.conflict("/health/").isPresent(), "a trailing slash does not sneak past");
        assertTrue(ReservedPaths.conflict("/.well-known/x").isPresent());
        assertTrue(ReservedPaths.conflict("/").orElseThrow().contains("every route"));
        assertTrue(ReservedPaths.conflict("vault").orElseThrow().contains("must start with"));
        assertTrue(ReservedPaths.conflict("/a/../api").isPresent());
    }

    @Test
    void ordinaryMountPathsAreAccepted() {
        assertTrue(ReservedPaths.conflict("/vault").isEmpty());
        assertTrue(ReservedPaths.conflict("/vault/default/").isEmpty());
        assertTrue(ReservedPaths.conflict("/.parachute/notes").isEmpty());
        assertTrue(ReservedPaths.conflict("/apiary").isEmpty());
        assertEquals("/vault", ReservedPaths.normalize("/vault//"));
    }
}
