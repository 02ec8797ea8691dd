package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.JdkProcessTable;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * For the unit's {@code ExecStopPost}: after a hub died without stopping its modules, ends the children it recorded
 * in hub.db with the boot reaper's proof (pid + start time + command line, or the spawn identity), SIGTERM first and
 * SIGKILL after {@code grace} — what a module holding a database deserves, instead of systemd's bare SIGKILL.
 */
public final class LeftoverModules {
    private LeftoverModules() {}

    public static List<ChildRecord> stop(DataSource hubDb, Duration grace) {
        try (ExecutorScheduler scheduler = new ExecutorScheduler()) {
            ProcessFamilies families = new ProcessFamilies(new ProcProcessTree(new JdkProcessTable()), new HandleSignals(),
                    scheduler);
            return new OrphanReaper(new ChildRecords(hubDb), families, grace).reap(Set.of());
        }
    }
}
