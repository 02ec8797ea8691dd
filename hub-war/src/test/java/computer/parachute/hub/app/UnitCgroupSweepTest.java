package computer.parachute.hub.app;

import computer.parachute.hub.core.testing.ProcessReaper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link UnitCgroupSweep}: which cgroup is the unit's on v1, v2 and hybrid hosts (and none when this process is not
 * the unit's), and the sweep itself on real processes listed in a stand-in {@code cgroup.procs}: SIGTERM first, SIGKILL
 * for one that ignores it, never this JVM.
 */
class UnitCgroupSweepTest {
    private static final String UNIT = "parachute-hub.service";

    @TempDir
    Path root;
    private final ProcessReaper reaper = new ProcessReaper();

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void cgroupV1UsesSystemdsNamedHierarchy() throws Exception {
        Path unit = Files.createDirectories(root.resolve("systemd/system.slice/" + UNIT));
        List<String> lines = List.of("12:pids:/system.slice/" + UNIT, "1:name=systemd:/system.slice/" + UNIT,
                "0::/system.slice/" + UNIT);
        assertEquals(Optional.of(unit), UnitCgroupSweep.unitCgroup(lines, root, UNIT));
    }

    @Test
    void cgroupV2UnifiedAndHybrid() throws Exception {
        String userUnit = "/user.slice/user-1000.slice/user@1000.service/app.slice/" + UNIT;
        Path unified = Files.createDirectories(root.resolve("v2" + userUnit));
        Files.writeString(root.resolve("v2/cgroup.controllers"), "cpu memory pids\n");
        assertEquals(Optional.of(unified), UnitCgroupSweep.unitCgroup(List.of("0::" + userUnit), root.resolve("v2"), UNIT));

        Path hybrid = Files.createDirectories(root.resolve("hybrid/unified/system.slice/" + UNIT));
        assertEquals(Optional.of(hybrid),
                UnitCgroupSweep.unitCgroup(List.of("0::/system.slice/" + UNIT), root.resolve("hybrid"), UNIT));
    }

    @Test
    void notTheUnitsOwnCgroupIsNeverSwept() throws Exception {
        Files.createDirectories(root.resolve("systemd/user.slice/user-0.slice/session-3.scope"));
        assertEquals(Optional.empty(), UnitCgroupSweep.unitCgroup(
                List.of("1:name=systemd:/user.slice/user-0.slice/session-3.scope"), root, UNIT));
        assertEquals(Optional.empty(), UnitCgroupSweep.unitCgroup(List.of("0::/"), root, UNIT));
        assertEquals(Optional.empty(), UnitCgroupSweep.unitCgroup(List.of("1:name=systemd:/system.slice/" + UNIT),
                root.resolve("nowhere"), UNIT), "no such cgroup directory");
    }

    @Test
    void sweepTermsThenKillsWhatIgnoresTermAndSparesItself() throws Exception {
        Process polite = reaper.track(new ProcessBuilder("sleep", "60").start());
        Process stubborn = reaper.track(new ProcessBuilder("sh", "-c", "trap '' TERM; echo ready; exec sleep 60").start());
        Path cgroup = Files.createDirectories(root.resolve("systemd/system.slice/" + UNIT));
        Files.writeString(cgroup.resolve("cgroup.procs"), ProcessHandle.current().pid() + "\n" + polite.pid() + "\n");
        Path below = Files.createDirectories(cgroup.resolve("below"));
        Files.writeString(below.resolve("cgroup.procs"), stubborn.pid() + "\n");
        assertEquals('r', stubborn.getInputStream().read(), "the TERM trap is set"); // sleep inherits SIG_IGN

        List<String> swept = UnitCgroupSweep.sweep(cgroup, Duration.ofMillis(500));

        assertEquals(2, swept.size(), swept.toString());
        assertTrue(swept.stream().noneMatch(p -> p.startsWith(ProcessHandle.current().pid() + " ")), swept.toString());
        assertTrue(polite.waitFor(5, TimeUnit.SECONDS) && stubborn.waitFor(5, TimeUnit.SECONDS));
        assertEquals(128 + 15, polite.exitValue(), "SIGTERM ended the polite one");
        assertEquals(128 + 9, stubborn.exitValue(), "SIGKILL after the grace ended the one ignoring SIGTERM");
        assertFalse(polite.isAlive() || stubborn.isAlive());
    }
}
