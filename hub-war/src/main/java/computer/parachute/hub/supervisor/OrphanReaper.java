package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * At boot, before spawning: ends the children a previous hub recorded in hub.db and left running (an abrupt hub
 * death does not signal children in their own groups, reference §2.8). A record counts only when its pid is alive
 * with the same start time AND the same command line; then every record is deleted.
 */
final class OrphanReaper {
    private static final Logger LOG = Logger.getLogger(OrphanReaper.class.getName());

    private final ChildRecords records;
    private final ProcessTable processTable;
    private final OrphanKiller killer;

    OrphanReaper(ChildRecords records, ProcessTable processTable, OrphanKiller killer) {
        this.records = records;
        this.processTable = processTable;
        this.killer = killer;
    }

    /** Reaps recorded orphans except {@code ownPids} (this supervisor's live children); returns the reaped records. */
    List<ChildRecord> reap(Set<Long> ownPids) {
        List<ChildRecord> reaped = new ArrayList<>();
        List<ProcessSnapshot> targets = new ArrayList<>();
        for (ChildRecord record : records.all()) {
            if (ownPids.contains(record.pid())) {
                continue;
            }
            Optional<ProcessSnapshot> live = processTable.find(record.pid());
            if (live.isPresent() && matches(record, live.get())) {
                LOG.info(() -> "[supervisor] " + record.shortName() + ": reaping orphan pid " + record.pid()
                        + " left by a previous hub (" + record.commandLine() + ")");
                targets.add(live.get());
                reaped.add(record);
            } else {
                records.delete(record.shortName(), record.pid());
            }
        }
        killer.terminate(targets);
        reaped.forEach(record -> records.delete(record.shortName(), record.pid()));
        return reaped;
    }

    static boolean matches(ChildRecord record, ProcessSnapshot live) {
        Instant recordedStart = record.startTime();
        ProcessSnapshot recorded = new ProcessSnapshot(record.pid(), recordedStart, record.commandLine());
        return recorded.sameIncarnation(live) && sameProgram(record.commandLine(), live.commandLine());
    }

    /**
     * The record holds the spawn argv until it is refreshed a second after the spawn; a hub killed before that
     * left a record whose argv[0] differs from what the process table shows (the JDK reports the resolved
     * executable: python3 -> python3.11) or whose program has exec'd a wrapper since (found by the fault suite:
     * such orphans were never reaped). The arguments survive both, so they are what must match; with no
     * arguments, the program's file name. Pid + start time already single out the incarnation.
     */
    static boolean sameProgram(String recorded, String live) {
        if (recorded.equals(live)) {
            return true;
        }
        String[] argv0AndRest = recorded.trim().split(" ", 2);
        if (argv0AndRest.length == 2 && !argv0AndRest[1].isBlank()) {
            return live.endsWith(" " + argv0AndRest[1]) || live.contains(" " + argv0AndRest[1] + " ");
        }
        String program = argv0AndRest[0].substring(argv0AndRest[0].lastIndexOf('/') + 1);
        return !program.isEmpty() && live.contains(program);
    }
}
