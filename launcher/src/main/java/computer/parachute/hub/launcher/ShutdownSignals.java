package computer.parachute.hub.launcher;

/** The seam to the OS's termination signals, so the launcher decides its own exit code (STACK trap 9). */
@FunctionalInterface
interface ShutdownSignals {
    /** Runs {@code action} once on SIGTERM or SIGINT instead of the JVM's default (exit 143/130). */
    void onTerminate(Runnable action);
}
