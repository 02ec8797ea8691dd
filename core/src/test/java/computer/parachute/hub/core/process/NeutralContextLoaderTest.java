package computer.parachute.hub.core.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDK's process reaper threads inherit the context class loader of whoever starts a process; started through
 * {@link NeutralContextLoader}, none carries the caller's (in a servlet container: the webapp's) loader.
 */
class NeutralContextLoaderTest {
    /** More processes at once than idle reapers can exist, so new reaper threads must be created. */
    private static final int EXTRA_CONCURRENT = 3;
    private static final long WAIT_SECONDS = 10;

    private interface Starter {
        Process start(ProcessBuilder builder) throws IOException;
    }

    @Test
    void reaperThreadsOfProcessesStartedThroughItDoNotCarryTheCallersLoader() throws Exception {
        ClassLoader webapp = new URLClassLoader(new URL[0], null);
        startConcurrentlyWithContextLoader(webapp, NeutralContextLoader::start);
        assertFalse(reaperCarries(webapp), "a process reaper thread carries the caller's context loader");
    }

    @Test
    void withoutItAReaperThreadCarriesTheCallersLoader() throws Exception {
        ClassLoader webapp = new URLClassLoader(new URL[0], null);
        startConcurrentlyWithContextLoader(webapp, ProcessBuilder::start);
        assertTrue(reaperCarries(webapp), "the JDK no longer hands the caller's loader to reaper threads: drop the wrapper?");
    }

    @Test
    void restoresTheCallersContextLoader() {
        ClassLoader webapp = new URLClassLoader(new URL[0], null);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(webapp);
        try {
            assertSame(ClassLoader.getSystemClassLoader(), NeutralContextLoader.call(thread::getContextClassLoader));
            assertSame(webapp, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void startConcurrentlyWithContextLoader(ClassLoader loader, Starter starter) throws Exception {
        int count = reaperThreads().size() + EXTRA_CONCURRENT;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        List<Process> processes = new ArrayList<>();
        thread.setContextClassLoader(loader);
        try {
            for (int i = 0; i < count; i++) {
                processes.add(starter.start(new ProcessBuilder("sleep", "0.5")));
            }
        } finally {
            thread.setContextClassLoader(previous);
            for (Process process : processes) {
                if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static boolean reaperCarries(ClassLoader loader) {
        return reaperThreads().stream().anyMatch(thread -> thread.getContextClassLoader() == loader);
    }

    private static List<Thread> reaperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("process reaper")).toList();
    }
}
