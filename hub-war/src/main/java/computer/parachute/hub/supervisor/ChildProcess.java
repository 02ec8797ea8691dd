package computer.parachute.hub.supervisor;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Waits on this thread up to {@code timeout} for the exit: the code {@link #onExit()} completes with, or empty when
     * the process still runs. A JDK child wakes the waiter straight from the JDK's reaper, without the hand-off to
     * another thread that {@link #onExit()}'s callbacks take (issue 10: a restart waits for the old exit).
     */
    default OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        try {
            return OptionalInt.of(onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return OptionalInt.empty();
        } catch (ExecutionException e) {
            return OptionalInt.of(-1);
        }
    }
}
