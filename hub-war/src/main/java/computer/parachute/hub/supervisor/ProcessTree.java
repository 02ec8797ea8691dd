package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.util.List;
import java.util.Optional;

/** Seam: which live processes belong to one spawn (DESIGN §5 Stop). Production: {@link ProcProcessTree}. */
public interface ProcessTree {
    /**
     * What ties processes to one spawn: its spawn id in the initial environment (null: none), or the leader's
     * process group or session (0: none). {@code bornNotBefore} is the leader's {@link #birthOf birth}: every
     * descendant is born at or after it, so an older process's environment is never read (0: unknown, read all).
     */
    record Lineage(String spawnId, long group, long bornNotBefore) { }

    /** False where the OS offers no process listing (no /proc): callers fall back to group signals. */
    boolean canEnumerate();

    /**
     * The live, non-zombie members of each lineage (element i answers {@code lineages.get(i)}), found in one pass
     * over the process table however many lineages are asked about.
     */
    List<List<ProcessSnapshot>> members(List<Lineage> lineages);

    /**
     * Live, non-zombie processes whose initial environment carries {@code PARACHUTE_SPAWN_ID=spawnId} (null: none),
     * or whose process group or session is {@code group} (0: none).
     */
    default List<ProcessSnapshot> family(String spawnId, long group) {
        return members(List.of(new Lineage(spawnId, group, 0))).get(0);
    }

    /**
     * When {@code pid} was born, on a clock only comparable with other births from this tree (clock ticks since
     * boot on Linux); 0 when unknown. Taken for a child just spawned, it bounds its lineage from below.
     */
    long birthOf(long pid);

    /** The spawn id in the initial environment of {@code pid}; empty when it has none or it cannot be read. */
    Optional<String> spawnIdOf(long pid);

    /** True while {@code process} is this same incarnation (pid + start time) and not a zombie. */
    boolean running(ProcessSnapshot process);

    /** The process group of {@code pid}, or -1 when unknown. */
    long groupOf(long pid);
}
