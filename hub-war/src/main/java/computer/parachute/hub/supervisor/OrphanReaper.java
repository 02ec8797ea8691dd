package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * At boot, before spawning: ends what children of a previous hub left running (an abrupt hub death does not signal
 * children in their own sessions, reference §2.8). A record proves a live process ours by pid + start time, or by
 * its spawn id in the process's environment, which also finds the daemonized descendants of a leader long gone.
 * Every record is deleted afterwards.
 */
final class OrphanReaper {
    private static final Logger LOG = Logger.getLogger(OrphanReaper.class.getName());

    private final ChildRecords records;
    private final ProcessFamilies families;
    private final Duration grace;

    OrphanReaper(ChildRecords records, ProcessFamilies families, Duration grace) {
        this.records = records;
        this.families = families;
        this.grace = grace;
    }

    /** Reaps recorded orphans except {@code ownPids} (this supervisor's live children); returns the reaped records. */
    List<ChildRecord> reap(Set<Long> ownPids) {
        List<ChildRecord> reaped = new ArrayList<>();
        List<ProcessFamilies.Family> targets = new ArrayList<>();
        for (ChildRecord record : records.all()) {
            if (ownPids.contains(record.pid())) {
                continue;
            }
            int members = families.members(record.family()).size();
            if (members > 0) {
                LOG.info(() -> "[supervisor] " + record.shortName() + ": reaping " + members + " process(es) of pid "
                        + record.pid() + " left by a previous hub (" + record.commandLine() + ")");
                targets.add(record.family());
                reaped.add(record);
            } else {
                records.delete(record.shortName(), record.pid());
            }
        }
        if (!targets.isEmpty()) {
            families.terminate(targets, grace, "left running by a previous hub");
        }
        reaped.forEach(record -> records.delete(record.shortName(), record.pid()));
        return reaped;
    }
}
