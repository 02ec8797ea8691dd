package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one place an exit is interpreted (STYLE rule 7): a requested stop ends {@code stopped}; anything else is a
 * crash (even code 0). A crash where a foreign process now holds the port ends {@code crashed} + port_squatter
 * without spending budget; otherwise the budget decides between a scheduled respawn and giving up.
 */
final class ExitHandler implements ExitListener {
    /** Wait for the readers to reach EOF so a crash's last lines come before our note (a grandchild may hold them). */
    static final Duration OUTPUT_DRAIN = Duration.ofMillis(500);

    /** Runs a pending respawn; implemented by the supervisor, which owns the operation lock. */
    @FunctionalInterface
    interface Respawner {
        void respawn(ModuleEntry entry, long token);
    }

    private final SupervisorSettings settings;
    private final SupervisorSeams seams;
    private final PortGuard portGuard;
    private final ChildRecords records;
    private final ExecutorService worker;
    private final Respawner respawner;

    ExitHandler(SupervisorSettings settings, SupervisorSeams seams, PortGuard portGuard, ChildRecords records,
                ExecutorService worker, Respawner respawner) {
        this.settings = settings;
        this.seams = seams;
        this.portGuard = portGuard;
        this.records = records;
        this.worker = worker;
        this.respawner = respawner;
    }

    @Override
    public void exited(ModuleEntry entry, Spawned spawned, int exitCode, CompletableFuture<Void> drained) {
        awaitDrain(drained);
        records.delete(entry.shortName, spawned.child().pid());
        SpawnRequest request;
        synchronized (entry.lock) {
            if (settledAsStopped(entry, spawned, exitCode)) {
                return;
            }
            request = entry.request;
        }
        // outside the lock: may take a moment to end an orphan of this module still holding the port
        Optional<StartError> squatter = portGuard.clear(request, seams.wallClock().instant());
        synchronized (entry.lock) {
            if (settledAsStopped(entry, spawned, exitCode)) {
                return;
            }
            settleCrash(entry, exitCode, squatter);
            entry.exitSettled.complete(null);
        }
    }

    /** True when this exit is already dealt with: an older generation, or a requested stop (now settled). */
    private static boolean settledAsStopped(ModuleEntry entry, Spawned spawned, int exitCode) {
        if (entry.generation != spawned.generation()) {
            return true;
        }
        if (entry.state() != ModuleState.RUNNING) {
            entry.exitSettled.complete(null);
            return true;
        }
        if (!entry.stopRequested) {
            return false;
        }
        entry.lastExitCode = exitCode;
        entry.transition(ModuleState.STOPPED, "exit " + exitCode + " after stop");
        entry.exitSettled.complete(null);
        return true;
    }

    private void settleCrash(ModuleEntry entry, int exitCode, Optional<StartError> squatter) {
        entry.lastExitCode = exitCode;
        entry.lastCrashAt = seams.wallClock().instant();
        if (squatter.isPresent()) {
            entry.transition(ModuleState.CRASHED, "exit " + exitCode + ", port held by another process");
            entry.startError = squatter.get();
            entry.changed();
            entry.log.supervisorLine(squatter.get().description());
            return;
        }
        entry.budget = entry.budget.afterCrash(seams.clock().millis());
        int crashes = entry.budget.crashesInWindow();
        entry.restartsInWindow = crashes;
        if (entry.budget.exhausted()) {
            entry.log.supervisorLine(entry.shortName + " crashed " + crashes + "x within "
                    + settings.crashWindow().toMillis() + "ms — giving up.");
            entry.transition(ModuleState.CRASHED, "exit " + exitCode + ", giving up");
            return;
        }
        entry.log.supervisorLine(entry.shortName + " exited (code=" + exitCode + "); restart " + crashes + "/"
                + settings.maxCrashes() + " in window.");
        entry.transition(ModuleState.RESTARTING, "exit " + exitCode);
        entry.cancelPendingRespawn();
        long token = entry.respawnToken;
        entry.pendingRespawn = seams.scheduler().schedule(
                () -> worker.execute(() -> respawner.respawn(entry, token)), settings.backoff().delayFor(crashes));
    }

    private static void awaitDrain(CompletableFuture<Void> drained) {
        try {
            drained.get(OUTPUT_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a grandchild still holds the pipes, or a reader failed: the lines arrive when they arrive
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
