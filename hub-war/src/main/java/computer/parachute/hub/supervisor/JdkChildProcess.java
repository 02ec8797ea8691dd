package computer.parachute.hub.supervisor;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link ChildProcess} over a {@link Process} the JVM spawned (and therefore reaps). */
final class JdkChildProcess implements ChildProcess {
    private final Process process;
    private final Instant startTime;
    private final CompletableFuture<Integer> onExit;

    JdkChildProcess(Process process) {
        this.process = process;
        // start time survives setsid's exec, so reading it now identifies the module's process, not the wrapper
        this.startTime = process.toHandle().info().startInstant().orElse(null);
        this.onExit = process.onExit().thenApply(Process::exitValue);
    }

    @Override public long pid() { return process.pid(); }
    @Override public Instant startTime() { return startTime; }
    @Override public InputStream stdout() { return process.getInputStream(); }
    @Override public CompletableFuture<Integer> onExit() { return onExit; }

    /** {@link Process#waitFor(long, TimeUnit)}: the JDK's reaper thread notifies the waiter itself. */
    @Override
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }
}
