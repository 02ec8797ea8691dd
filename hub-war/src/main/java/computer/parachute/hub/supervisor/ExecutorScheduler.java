package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Production {@link Scheduler}: a small named pool. Tasks are short (a loopback probe, handing a respawn to the
 * supervisor's worker); {@link #close()} stops it with a bounded wait.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final int THREADS = 2;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler() {
        executor = new ScheduledThreadPoolExecutor(THREADS, NamedThreads.factory("supervisor-scheduler"));
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        NamedThreads.shutdown(executor, CLOSE_WAIT_SECONDS);
    }
}
