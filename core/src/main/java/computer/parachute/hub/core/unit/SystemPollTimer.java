package computer.parachute.hub.core.unit;

import java.time.Duration;

/** Production {@link PollTimer}. The only place in this package that actually sleeps. */
enum SystemPollTimer implements PollTimer {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
