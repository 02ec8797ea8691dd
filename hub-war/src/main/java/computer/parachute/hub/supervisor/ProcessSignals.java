package computer.parachute.hub.supervisor;

/** Seam: signals a process group (reference §2.5 group kill, hub#88). */
public interface ProcessSignals {
    /**
     * Sends {@code signal} to the group whose id is {@code pgid}; when no such group exists (ESRCH), to the bare
     * pid. Callers first make sure the pid is still theirs (a live handle, or pid + start time).
     *
     * @return false when neither the group nor the pid exists (a debug line, never a state change)
     * @throws ProcessSignalException for any other failure (EPERM...)
     */
    boolean signalGroup(long pgid, Signal signal);

    /**
     * Sends {@code signal} to the group {@code pgid} only, never falling back to the bare pid. Safe after the
     * group's leader has exited and been reaped: the kernel does not hand out a pid again while it is still the
     * id of a group with a live member, so this reaches the leader's stragglers or nobody.
     *
     * @return false when the group has no member left
     * @throws ProcessSignalException for any other failure (EPERM...)
     */
    boolean signalGroupOnly(long pgid, Signal signal);
}
