package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceManagersTest {

    @TempDir
    Path home;

    @Test
    void linuxWithSystemctlIsSystemd() {
        ServiceManager m = ServiceManagers.detect(UnitFixtures.linuxUser(home), new FakeCommandRunner("systemctl"));
        assertInstanceOf(SystemdManager.class, m);
        assertEquals("systemd", m.kind());
    }

    @Test
    void macWithLaunchctlIsLaunchd() {
        ServiceManager m = ServiceManagers.detect(UnitFixtures.mac(home), new FakeCommandRunner("launchctl"));
        assertEquals("launchd", m.kind());
    }

    @Test
    void linuxWithoutSystemctlIsNoneEvenWithAUnitFile() throws Exception {
        Path unit = UnitFixtures.linuxUser(home).userUnitDir().resolve(HubUnit.UNIT_NAME);
        Files.createDirectories(unit.getParent());
        Files.writeString(unit, "x");
        FakeCommandRunner runner = new FakeCommandRunner();
        ServiceManager m = ServiceManagers.detect(UnitFixtures.linuxUser(home), runner);
        assertEquals("none", m.kind());
        assertFalse(m.unitInstalled());
        assertEquals(UnitState.Status.NO_MANAGER, m.state().status());
        assertEquals(InstallResult.Outcome.FALLBACK, m.install(UnitFixtures.userUnit(), true).outcome());
        assertTrue(runner.calls.isEmpty());
    }

    @Test
    void otherPlatformsSayBootPersistenceIsUnsupported() {
        Platform windows = new Platform("Windows 11", home, home, 1000, "op");
        ServiceManager m = ServiceManagers.detect(windows, new FakeCommandRunner("systemctl", "launchctl"));
        assertEquals(List.of("Boot-persistent unit isn't supported on Windows 11; using a transient process."),
                m.install(UnitFixtures.userUnit(), true).messages());
    }

    @Test
    void platformFactsDriveScope() {
        Platform current = Platform.current();
        assertEquals(System.getProperty("user.name"), current.userName());
        assertTrue(current.uid() >= 0);
        assertTrue(new Platform("Linux", home, home, 0, "root").isRoot());
        assertTrue(new Platform("Mac OS X", home, home, 501, "op").isMac());
    }
}
