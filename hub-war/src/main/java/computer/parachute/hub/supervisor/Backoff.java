package computer.parachute.hub.supervisor;

import java.time.Duration;

/**
 * Respawn delay after the n-th consecutive crash (DESIGN §5): the first respawn is immediate, then the delay starts
 * at {@code initial} and doubles, capped at {@code max}. A pure value.
 */
public record Backoff(Duration initial, Duration max) {
    /** Doubling stops here; 2^20 x 500 ms is far past any sensible cap anyway. */
    private static final int MAX_DOUBLINGS = 20;

    /** Delay before respawning after crash number {@code crashNumber} (1-based) within the current streak. */
    public Duration delayFor(int crashNumber) {
        if (crashNumber <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(crashNumber - 2, MAX_DOUBLINGS);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
