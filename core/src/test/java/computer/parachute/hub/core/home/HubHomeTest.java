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
}
