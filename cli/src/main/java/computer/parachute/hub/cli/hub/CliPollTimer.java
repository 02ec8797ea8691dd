package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.unit.PollTimer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link PollTimer} for {@code HubUnitControl}'s readiness wait in the CLI. core's own
 * {@code SystemPollTimer} is package-private; if it becomes public this class can go.
 */
public final class CliPollTimer implements PollTimer {
    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
