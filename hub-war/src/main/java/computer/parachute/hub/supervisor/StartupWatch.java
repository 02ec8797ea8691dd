package computer.parachute.hub.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * After a spawn, outside every lock (DESIGN §5 Readiness): waits for the gate; if the window passes with the module
 * still running, records {@code started_but_unbound} (state stays running) and lets the background re-probe clear
 * it once the port binds (reference #544). No PORT: nothing to wait for.
 */
final class StartupWatch {
    private final ModuleEntry entry;
    private final ChildProcess child;
    private final long generation;
    /** Completed once this child's exit has been interpreted (crash, respawn scheduled, or stopped). */
    private final CompletableFuture<Void> exitSettled;
    private final ReadinessGate gate;
    /** Beyond the readiness window: the gate's last probe plus scheduling slack. */
    private static final Duration GATE_SLACK = Duration.ofSeconds(2);

    private final Clock wallClock;
    private final Duration window;

    StartupWatch(ModuleEntry entry, ChildProcess child, long generation, CompletableFuture<Void> exitSettled,
                 ReadinessGate gate, Clock wallClock, Duration window) {
        this.entry = entry;
        this.child = child;
        this.generation = generation;
        this.exitSettled = exitSettled;
        this.gate = gate;
        this.wallClock = wallClock;
        this.window = window;
    }

    void await(SpawnRequest request) {
        OptionalInt port = request.port();
        if (port.isEmpty()) {
            return;
        }
        Readiness readiness = awaitGate(port.getAsInt(), window.plus(GATE_SLACK));
        if (readiness == Readiness.READY) {
            markReady();
            return;
        }
        if (readiness == Readiness.EXITED) {
            // the child died before binding (a failed exec exits 127 at once): answer with the state its exit
            // settled into (restarting or crashed, with the exit code), never the 'running' of a dead pid
            awaitExitSettled();
            return;
        }
        if (readiness != Readiness.TIMED_OUT) {
            return;
        }
        String description = entry.shortName + " started (pid " + child.pid() + ") but is not listening on port "
                + port.getAsInt() + " after " + window.toMillis() + "ms — it may still be coming up, or the port is"
                + " held by another process.";
        synchronized (entry.lock) {
            if (!entry.markUnbound(generation, StartError.of(StartErrorType.STARTED_BUT_UNBOUND, description, null,
                    wallClock.instant()))) {
                return;
            }
        }
        entry.log.supervisorLine(description);
        gate.watch(port.getAsInt(), child.onExit()).thenAccept(late -> clearIfBound(late, port.getAsInt()));
    }

    private void awaitExitSettled() {
        try {
            exitSettled.get(ModuleStopper.SETTLE_AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the exit handler logs its own failure; the snapshot then shows whatever state it reached
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Readiness awaitGate(int port, Duration bound) {
        try {
            return gate.await(port, child.onExit()).get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Readiness.TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Readiness.EXITED;
        }
    }

    private void clearIfBound(Readiness late, int port) {
        if (late != Readiness.READY) {
            return;
        }
        synchronized (entry.lock) {
            if (!entry.clearUnbound(generation)) {
                return;
            }
        }
        entry.log.supervisorLine(entry.shortName + " is now listening on port " + port + ".");
    }

    private void markReady() {
        synchronized (entry.lock) {
            entry.markReady(generation);
        }
    }
}
