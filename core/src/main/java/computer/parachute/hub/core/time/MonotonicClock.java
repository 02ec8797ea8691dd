package computer.parachute.hub.core.time;

/**
 * Monotonic time for deadlines, budgets and back-off (STYLE rule 4). Wall time, for display and persisted
 * stamps, comes from an injected {@link java.time.Clock} instead.
 */
@FunctionalInterface
public interface MonotonicClock {
    MonotonicClock SYSTEM = System::nanoTime;

    long nanos();

    default long millis() {
        return nanos() / 1_000_000L;
    }
}
