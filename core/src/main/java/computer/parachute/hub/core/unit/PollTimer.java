package computer.parachute.hub.core.unit;

import java.time.Duration;

/** Monotonic time plus a sleep, so readiness polling can be driven instantly by tests. */
public interface PollTimer {

    /** Monotonic nanoseconds; only differences mean anything. */
    long nanoTime();

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real clock: {@link System#nanoTime()} and a thread sleep. */
    static PollTimer system() {
        return SystemPollTimer.INSTANCE;
    }
}
