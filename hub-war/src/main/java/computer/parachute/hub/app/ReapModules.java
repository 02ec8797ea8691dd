package computer.parachute.hub.app;

import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.supervisor.ChildRecord;
import computer.parachute.hub.supervisor.LeftoverModules;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * The hub unit's {@code ExecStopPost} (issue 12, KillMode decision in the README), run from launcher.jar (which
 * carries the WAR's classes; the launcher's own code may not use them, DESIGN §3): systemd runs it after the hub
 * process is gone and before its final SIGKILL of the unit's cgroup. After a clean stop hub.db has no child records
 * and this does nothing; after a crash it gives each module the hub left running SIGTERM and the supervisor's stop
 * grace. Always exits 0: a failure here must not mark the unit failed or block its restart.
 */
public final class ReapModules {
    /** The supervisor's own stop grace (DESIGN §5). */
    static final Duration GRACE = Duration.ofSeconds(5);

    private ReapModules() {}

    public static void main(String[] args) {
        try {
            HubConfig config = HubConfig.fromProcess();
            if (!Files.isRegularFile(config.home().hubDb())) {
                return;
            }
            try (HubDatabase database = HubDatabase.open(config.home().hubDb())) {
                List<ChildRecord> stopped = LeftoverModules.stop(database.dataSource(), GRACE);
                stopped.forEach(record -> System.out.println("parachute hub: stopped " + record.shortName()
                        + " (pid " + record.pid() + "), left running by the hub that just exited"));
            }
        } catch (Exception e) {
            System.err.println("parachute hub: could not stop modules left by the hub: " + e.getMessage());
        } finally {
            System.exit(0); // the pool's threads must not keep the unit's stop waiting
        }
    }
}
