package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash budget (DESIGN §5: 3 crashes per 60 s): a pure value holding the monotonic times (ms) of the crashes
 * still inside the sliding window. Crashes at or after {@code now - window} count; older ones drop out.
 */
public record RestartBudget(int maxCrashes, Duration window, List<Long> crashTimesMillis) {
    public RestartBudget {
        if (maxCrashes < 1) {
            throw new IllegalArgumentException("maxCrashes must be >= 1, got " + maxCrashes);
        }
        crashTimesMillis = List.copyOf(crashTimesMillis);
    }

    public static RestartBudget fresh(int maxCrashes, Duration window) {
        return new RestartBudget(maxCrashes, window, List.of());
    }

    /** The budget after one more crash at {@code nowMillis} (monotonic). */
    public RestartBudget afterCrash(long nowMillis) {
        long cutoff = nowMillis - window.toMillis();
        List<Long> kept = new ArrayList<>();
        for (long at : crashTimesMillis) {
            if (at >= cutoff) {
                kept.add(at);
            }
        }
        kept.add(nowMillis);
        return new RestartBudget(maxCrashes, window, kept);
    }

    public int crashesInWindow() {
        return crashTimesMillis.size();
    }

    /** True when the last crash reached the limit: give up instead of respawning. */
    public boolean exhausted() {
        return crashesInWindow() >= maxCrashes;
    }
}
