package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;

/**
 * Seam: sends a signal (DESIGN §5 Stop). Production: {@link HandleSignals}. Callers go through
 * {@link ProcessFamilies}, the one place that refuses the hub's own pid and group and logs every signal.
 */
public interface ProcessSignals {
    /**
     * Sends {@code signal} to {@code target} when the live process at its pid is still that incarnation (same start
     * time), so a reused pid is never hit.
     *
     * @return false when it is gone, is another incarnation, or refused the signal
     */
    boolean signal(ProcessSnapshot target, Signal signal);

    /**
     * Fallback only where no process listing exists (no /proc): sends {@code signal} to the group {@code pgid}, or
     * to the bare pid when no such group exists.
     *
     * @return false when neither exists
     * @throws ProcessSignalException for any other failure (EPERM, a stuck kill)
     */
    boolean signalGroup(long pgid, Signal signal);
}
