package computer.parachute.hub.cli.hub;

import computer.parachute.hub.cli.FakeUnitManager;
import computer.parachute.hub.core.home.HubHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Under a unit, status shows the hub's pid and start time from {@code hub-instance.json} (the launcher writes it once
 * it serves) — only for a live pid on the port asked about, never a stale file's.
 */
class UnitArmObserveTest {
    @TempDir
    Path root;

    @Test
    void aLiveRecordedHubGivesPidAndStartTime() throws Exception {
        HubHome home = new HubHome(root);
        long pid = ProcessHandle.current().pid();
        write(home, pid, 1939, "2026-12-01T10:00:00Z");
        HubObservation seen = new UnitArm(new FakeUnitManager(), 1939, home).observe();
        assertEquals(pid, seen.pid());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), seen.startedAt());
    }

    @Test
    void aDeadPidOrAnotherPortGivesNothing() throws Exception {
        HubHome home = new HubHome(root);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        write(home, gone.pid(), 1939, "2026-12-01T10:00:00Z");
        assertNull(new UnitArm(new FakeUnitManager(), 1939, home).observe().pid());
        write(home, ProcessHandle.current().pid(), 1940, "2026-12-01T10:00:00Z");
        assertNull(new UnitArm(new FakeUnitManager(), 1939, home).observe().pid());
    }

    private static void write(HubHome home, long pid, int port, String startedAt) throws Exception {
        Files.writeString(home.hubInstanceFile(), "{\"instance\":\"abc\",\"pid\":" + pid + ",\"port\":" + port
                + ",\"startedAt\":\"" + startedAt + "\"}\n");
    }
}
