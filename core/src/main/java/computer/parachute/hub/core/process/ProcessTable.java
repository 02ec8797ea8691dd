package computer.parachute.hub.core.process;

import java.util.Optional;

/** Read-only view of the OS process table (seam: tests substitute a map). */
public interface ProcessTable {
    /** The live process with this pid, or empty when none exists (or it is a zombie). */
    Optional<ProcessSnapshot> find(long pid);
}
