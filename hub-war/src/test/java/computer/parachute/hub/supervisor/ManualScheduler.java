package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} driven by the test: nothing runs until {@link #advance} moves its clock, then every task due
 * runs on the calling thread in due order (a task scheduled meanwhile runs too once due). Every requested delay is
 * recorded, so a test can assert the backoff exactly without waiting for it.
 */
final class ManualScheduler implements Scheduler {
    private final List<Task> pending = new ArrayList<>();
    private final List<Duration> requested = new ArrayList<>();
    private long nowNanos;

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(task, nowNanos + delay.toNanos());
        pending.add(scheduled);
        requested.add(delay);
        return scheduled;
    }

    /** Moves time forward by {@code by} and runs what is due (zero runs what is due now). */
    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = nowNanos + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = pending.stream().filter(t -> !t.cancelled && t.dueNanos <= target)
                        .min(Comparator.comparingLong(t -> t.dueNanos)).orElse(null);
                if (next == null) {
                    nowNanos = target;
                    pending.removeIf(t -> t.cancelled || t.done);
                    return;
                }
                nowNanos = Math.max(nowNanos, next.dueNanos);
                next.done = true;
                pending.remove(next);
            }
            next.task.run();
        }
    }

    synchronized List<Duration> requested() {
        return List.copyOf(requested);
    }

    /** Tasks still waiting (not cancelled, not run). */
    synchronized long waiting() {
        return pending.stream().filter(t -> !t.cancelled && !t.done).count();
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable task;
        final long dueNanos;
        volatile boolean cancelled;
        volatile boolean done;

        Task(Runnable task, long dueNanos) {
            this.task = task;
            this.dueNanos = dueNanos;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            synchronized (ManualScheduler.this) {
                if (done) {
                    return false;
                }
                cancelled = true;
                return true;
            }
        }

        @Override public boolean isCancelled() { return cancelled; }
        @Override public boolean isDone() { return done || cancelled; }
        @Override public Object get() { throw new UnsupportedOperationException("manual task"); }
        @Override public Object get(long timeout, TimeUnit unit) { throw new UnsupportedOperationException(); }

        @Override
        public long getDelay(TimeUnit unit) {
            synchronized (ManualScheduler.this) {
                return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
