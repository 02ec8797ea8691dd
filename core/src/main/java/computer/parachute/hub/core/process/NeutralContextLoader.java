package computer.parachute.hub.core.process;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Starts JDK-internal threads with the system class loader as their context class loader. The JDK's "process reaper"
 * threads (one per process being waited for, pooled and reused) inherit the context class loader of the thread that
 * happens to start a process or watch one exit. Inside a servlet container that is the webapp's loader, which such a
 * thread would keep alive after undeploy. Every process start and {@code onExit} of the hub goes through here.
 */
public final class NeutralContextLoader {
    /** An action that may throw a checked exception. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    private NeutralContextLoader() {}

    /** Runs {@code action} with the system class loader as this thread's context class loader, then restores it. */
    public static <T, E extends Exception> T call(Action<T, E> action) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@link ProcessBuilder#start()}, so the reaper thread it may create pins no webapp class loader. */
    public static Process start(ProcessBuilder builder) throws IOException {
        return call(builder::start);
    }

    /** {@link ProcessHandle#onExit()} of a process that is not our child: the JDK polls it from a reaper thread. */
    public static CompletableFuture<ProcessHandle> onExit(ProcessHandle handle) {
        return call(handle::onExit);
    }
}
