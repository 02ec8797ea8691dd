package computer.parachute.hub.supervisor;

import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** A spawned module process: the leader of its own process group (pgid == pid). */
public interface ChildProcess {
    long pid();

    /** When the process started (identifies this incarnation of the pid), or null when the OS does not say. */
    Instant startTime();

    /**
     * The child's stdout with its stderr merged in (one pipe, so lines keep the order the module wrote them in, and one
     * reader per module instead of two: module logs never told the streams apart).
     */
    InputStream stdout();

    /** Completes with the exit code once the process has exited and been reaped (128 + n for signal n). */
    CompletableFuture<Integer> onExit();
}
