package computer.parachute.hub.core.home;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubHomeTest {
    @Test
    void emptyOrUnsetFallsBackToDotParachute() {
        assertEquals(Path.of("/home/op/.parachute"), HubHome.resolve(Map.of(), "/home/op").root());
        assertEquals(Path.of("/home/op/.parachute"), HubHome.resolve(Map.of("PARACHUTE_HOME", ""), "/home/op").root());
        assertEquals(Path.of("/home/op/.parachute"), HubHome.resolve(Map.of("PARACHUTE_HOME", "  "), "/home/op").root());
        assertEquals(Path.of("/srv/p"), HubHome.resolve(Map.of("PARACHUTE_HOME", "/srv/p"), "/home/op").root());
    }

    @Test
    void pathsFollowTheDesignLayout() {
        HubHome home = new HubHome(Path.of("/p"));
        assertEquals(Path.of("/p/services.json"), home.servicesJson());
        assertEquals(Path.of("/p/hub/run/hub.pid"), home.hubPidFile());
        assertEquals(Path.of("/p/hub/run/hub.port"), home.hubPortFile());
        assertEquals(Path.of("/p/hub/logs/hub.log"), home.hubLogFile());
        assertEquals(Path.of("/p/vault/.env"), home.moduleEnvFile("vault"));
        assertEquals(Path.of("/p/vault/logs/vault.log"), home.moduleLogFile("vault"));
    }

    @Test
    void hostileModuleNamesNeverBecomePaths() {
        HubHome home = new HubHome(Path.of("/p"));
        for (String bad : new String[]{"..", "../x", "a/b", "", "A", ".hidden", "x".repeat(65), "vault\u0000", "é"}) {
            assertFalse(ModuleNames.isValidShort(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> home.moduleDir(bad), bad);
        }
        assertTrue(ModuleNames.isValidShort("my-mod_2.x"));
        assertFalse(ModuleNames.isValidShort("a..b"));
    }

    /** Issue 9: no module name can map onto the hub's own files or log prefixes. */
    @Test
    void namesThatMapOntoTheHubsOwnFilesAreReserved() {
        HubHome home = new HubHome(Path.of("/p"));
        for (String name : new String[] {"hub", "supervisor", "hub.db", "hub.db-wal", "hub.db-shm", "services.json",
                "services.json.tmp-12-34", "operator.token", "operator.token.tmp-1-2", "hub-instance.json"}) {
            assertTrue(ModuleNames.isValidShort(name), name + " is a well-formed short name");
            assertTrue(ModuleNames.reservedReason(name).orElseThrow().contains("reserved for the hub"), name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> home.moduleDir(name));
            assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        }
        for (String name : new String[] {"vault", "hubble", "hub-notes", "services", "scribe.db"}) {
            assertEquals(java.util.Optional.empty(), ModuleNames.reservedReason(name), name);
        }
    }
}
