package computer.parachute.hub.core.token;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeSetsTest {
    @Test
    void adminIsTheReferenceSetWithoutChannelSend() {
        assertEquals(List.of("hub:admin", "parachute:host:admin", "parachute:host:install", "parachute:host:start",
                "parachute:host:expose", "parachute:host:auth", "parachute:host:vault", "vault:admin",
                "scribe:admin"), ScopeSets.require("admin"));
        assertFalse(ScopeSets.require("admin").contains("channel:send"));
        assertEquals("admin", ScopeSets.DEFAULT);
    }

    @Test
    void narrowSetsAreExactlyTheReferenceOnesAndAdminCoversEach() {
        assertEquals(List.of("parachute:host:install", "vault:read"), ScopeSets.require("install"));
        assertEquals(List.of("parachute:host:start"), ScopeSets.require("start"));
        assertEquals(List.of("parachute:host:expose"), ScopeSets.require("expose"));
        assertEquals(List.of("parachute:host:auth"), ScopeSets.require("auth"));
        assertEquals(List.of("parachute:host:vault"), ScopeSets.require("vault"));
        for (String name : ScopeSets.names()) {
            // install's vault:read is the one scope admin holds only through vault:admin (same as the reference)
            List<String> narrow = ScopeSets.require(name).stream().filter(s -> !s.equals("vault:read")).toList();
            assertTrue(ScopeSets.require("admin").containsAll(narrow), name + " ⊆ admin");
        }
        assertTrue(ScopeSets.require("admin").contains("parachute:host:install"));
    }

    @Test
    void onlyAdminCarriesTheScopesTheModuleApisDemand() {
        for (String name : ScopeSets.names()) {
            assertEquals(name.equals("admin"), ScopeSets.require(name).contains(ScopeSets.HOST_ADMIN), name);
        }
    }

    @Test
    void unknownNamesAreRejectedWithTheChoices() {
        assertFalse(ScopeSets.isKnown("root"));
        assertFalse(ScopeSets.isKnown(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScopeSets.require("root"));
        assertEquals("unknown scope set \"root\"; use one of install, start, expose, auth, vault, admin", e.getMessage());
    }
}
