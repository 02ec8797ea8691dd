package computer.parachute.hub.supervisor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one factory for the hub's executors (STYLE rule 9): named daemon threads, and a bounded shutdown. Every pool
 * in hub-war is built here.
 */
public final class NamedThreads {
    private static final Logger LOG = Logger.getLogger(NamedThreads.class.getName());

    private NamedThreads() {}

    public static ThreadFactory factory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A pool that grows with demand (exit handling, output readers, boot): idle threads die after a minute. */
    static ExecutorService cachedPool(String prefix) {
        return Executors.newCachedThreadPool(factory(prefix));
    }

    /** At most {@code threads} at once (boot starts), each named {@code prefix-n}. */
    static ExecutorService fixedPool(String prefix, int threads) {
        return Executors.newFixedThreadPool(threads, factory(prefix));
    }

    /** One named thread for periodic work (the registry rescan). */
    public static ScheduledExecutorService singleScheduled(String prefix) {
        return Executors.newSingleThreadScheduledExecutor(factory(prefix));
    }

    /** {@code shutdown}, then up to {@code waitSeconds} for running tasks, then {@code shutdownNow}. */
    public static void shutdown(ExecutorService executor, long waitSeconds) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitSeconds, TimeUnit.SECONDS)) {
                LOG.warning(() -> "executor did not stop within " + waitSeconds + " s; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            LOG.log(Level.FINE, "interrupted while stopping an executor", e);
        }
    }
}
