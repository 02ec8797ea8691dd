package computer.parachute.hub.app;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.unit.HubUnit;
import computer.parachute.hub.supervisor.ChildRecord;
import computer.parachute.hub.supervisor.LeftoverModules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub unit's {@code ExecStopPost} (issue 12, KillMode decision in the README), run from launcher.jar (which
 * carries the WAR's classes; the launcher's own code may not use them, DESIGN §3). The unit has
 * {@code KillMode=process}, so systemd itself only ever signals the hub: after a crash ({@code kill -9}, a JVM abort,
 * the watchdog) the modules are still running when this starts. It gives each module the hub recorded in hub.db
 * SIGTERM and the supervisor's stop grace, then SIGKILL; then it does the same to anything else still in the unit's
 * cgroup ({@link UnitCgroupSweep}). After a clean stop both are empty and it does nothing. Always exits 0: a failure
 * here must not mark the unit failed or block its restart.
 */
public final class ReapModules {
    /** The supervisor's own stop grace (DESIGN §5). */
    static final Duration GRACE = Duration.ofSeconds(5);

    private ReapModules() {}

    public static void main(String[] args) {
        try {
            reapRecorded();
        } catch (Exception e) {
            System.err.println("parachute hub: could not stop modules left by the hub: " + e.getMessage());
        }
        try {
            sweepUnitCgroup(System.getenv());
        } catch (Exception e) {
            System.err.println("parachute hub: could not sweep the hub unit's cgroup: " + e.getMessage());
        } finally {
            System.exit(0); // the pool's threads must not keep the unit's stop waiting
        }
    }

    private static void reapRecorded() throws Exception {
        HubConfig config = HubConfig.fromProcess();
        if (!Files.isRegularFile(config.home().hubDb())) {
            return;
        }
        try (HubDatabase database = HubDatabase.open(config.home().hubDb())) {
            List<ChildRecord> stopped = LeftoverModules.stop(database.dataSource(), GRACE);
            stopped.forEach(record -> System.out.println("parachute hub: stopped " + record.shortName()
                    + " (pid " + record.pid() + "), left running by the hub that just exited"));
        }
    }

    /** Only as the unit's own process: systemd sets INVOCATION_ID, and the cgroup is named after the unit. */
    private static void sweepUnitCgroup(Map<String, String> env) throws Exception {
        if (env.getOrDefault("INVOCATION_ID", "").isBlank()) {
            return;
        }
        Optional<Path> cgroup = UnitCgroupSweep.unitCgroup(Files.readAllLines(Path.of("/proc/self/cgroup")),
                Path.of("/sys/fs/cgroup"), HubUnit.UNIT_NAME);
        if (cgroup.isPresent()) {
            UnitCgroupSweep.sweep(cgroup.get(), GRACE).forEach(process -> System.out.println(
                    "parachute hub: stopped pid " + process + ", left in the hub unit's cgroup"));
        }
    }
}
