package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.util.List;
import java.util.Optional;

/** Seam: which live processes belong to one spawn (DESIGN §5 Stop). Production: {@link ProcProcessTree}. */
public interface ProcessTree {
    /** False where the OS offers no process listing (no /proc): callers fall back to group signals. */
    boolean canEnumerate();

    /**
     * Live, non-zombie processes whose initial environment carries {@code PARACHUTE_SPAWN_ID=spawnId} (null: none),
     * or whose process group or session is {@code group} (0: none).
     */
    List<ProcessSnapshot> family(String spawnId, long group);

    /** The spawn id in the initial environment of {@code pid}; empty when it has none or it cannot be read. */
    Optional<String> spawnIdOf(long pid);

    /** True while {@code process} is this same incarnation (pid + start time) and not a zombie. */
    boolean running(ProcessSnapshot process);

    /** The process group of {@code pid}, or -1 when unknown. */
    long groupOf(long pid);
}
