package computer.parachute.hub.cli.hub;

import java.time.Duration;

/** Signals and exit waits for a pid that is not our child (the detached hub outlives the CLI that spawned it). */
public interface ProcessSignals {
    /** SIGTERM; false when there is no such process. */
    boolean terminate(long pid);

    /** SIGKILL; false when there is no such process. */
    boolean kill(long pid);

    /** Waits up to {@code timeout} for the process to be gone; true when it is. */
    boolean awaitExit(long pid, Duration timeout) throws InterruptedException;
}
