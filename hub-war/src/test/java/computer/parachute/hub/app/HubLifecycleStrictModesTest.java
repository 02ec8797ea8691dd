package computer.parachute.hub.app;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.home.HubHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 9: the WAR itself (a stock servlet container, no launcher in front) refuses an unsafe home. */
class HubLifecycleStrictModesTest {
    @TempDir Path dir;

    @Test
    void aWorldWritableHomeFailsTheContextStartBeforeHubDbIsOpened() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        HubConfig config = new HubConfig(new HubHome(home), 0, "127.0.0.1", Optional.empty(), HubConfig.newInstanceId());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HubLifecycle.start(config, ServedPort.configured(config.port()), Clock.systemUTC()));

        assertEquals("refusing to start: " + home + " is writable by group/others (mode 0777), so another user could read"
                + " the hub's signing key or change what it runs — run: chmod 700 " + home, e.getMessage());
        assertFalse(Files.exists(home.resolve("hub.db")), "hub.db never created in an unsafe home");
    }
}
