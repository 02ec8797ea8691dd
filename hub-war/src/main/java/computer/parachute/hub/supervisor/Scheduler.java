package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/** Seam: runs a task later. Supervisor logic never sleeps; delays are tasks here (STYLE rule 4). */
@FunctionalInterface
public interface Scheduler {
    /** Runs {@code task} after {@code delay} (at once for zero); the future lets start/stop cancel it. */
    ScheduledFuture<?> schedule(Runnable task, Duration delay);
}
