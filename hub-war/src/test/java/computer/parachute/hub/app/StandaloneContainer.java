package computer.parachute.hub.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A stock servlet container run as a child process, as {@link DropInScenario} drives it. */
interface StandaloneContainer extends AutoCloseable {
    long KILL_WAIT_SECONDS = 10;

    /** Its deploy directory: the scenario drops {@code ROOT.war} here and deletes it again. */
    Path webapps();

    /** The loopback HTTP port it serves on. */
    int port();

    /** Starts it with {@code env} added to a clean environment; the returned process is the container's JVM. */
    Process start(Map<String, String> env) throws Exception;

    /** The class of the container's webapp class loader (counted in a heap histogram after undeploy). */
    String webappLoaderClass();

    /** True when the hub can read the port from the container before any request (Tomcat's connector MBeans). */
    boolean namesItsPortAtDeploy();

    /** Everything it logged so far: console and log files. */
    String logs();

    /** Kills what is left of it, by pid. */
    @Override
    void close();

    /** Kills {@code process} (when started) and whatever it forked, by pid, and waits a bounded time for it. */
    static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
