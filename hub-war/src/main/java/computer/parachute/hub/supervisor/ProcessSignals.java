package computer.parachute.hub.supervisor;

/** Seam: signals a process group (reference §2.5 group kill, hub#88). */
@FunctionalInterface
public interface ProcessSignals {
    /**
     * Sends {@code signal} to the group whose id is {@code pgid}; when no such group exists (ESRCH), to the bare
     * pid. Callers first make sure the pid is still theirs (a live handle, or pid + start time).
     *
     * @return false when neither the group nor the pid exists (a debug line, never a state change)
     * @throws ProcessSignalException for any other failure (EPERM...)
     */
    boolean signalGroup(long pgid, Signal signal);
}
