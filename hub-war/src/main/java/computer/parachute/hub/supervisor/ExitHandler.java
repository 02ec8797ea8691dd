package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ObjLongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place an exit is interpreted (STYLE rule 7): a requested stop ends {@code stopped} (the stopper ends the
 * rest of the family); anything else is a crash (even code 0). A crashed child's family (a daemonized grandchild
 * still on the port) is ended first. Then a crash where a foreign process now holds the port ends {@code crashed} +
 * port_squatter without spending budget; otherwise the budget decides between a scheduled respawn and giving up.
 * An unexpected failure in here ends {@code crashed} too: a dead pid never stays {@code running}.
 */
final class ExitHandler {
    private static final Logger LOG = Logger.getLogger(ExitHandler.class.getName());
    /** Wait for the readers to reach EOF so a crash's last lines come before our note (a grandchild may hold them). */
    static final Duration OUTPUT_DRAIN = Duration.ofMillis(500);

    private final SupervisorSettings settings;
    private final SupervisorSeams seams;
    private final PortGuard portGuard;
    private final ProcessFamilies families;
    private final ChildRecords records;
    private final ExecutorService worker;
    /** Runs a pending respawn (the supervisor's, which owns the operation lock); the long is the respawn token. */
    private final ObjLongConsumer<ModuleEntry> respawn;

    ExitHandler(SupervisorSettings settings, SupervisorSeams seams, PortGuard portGuard, ProcessFamilies families,
                ChildRecords records, ExecutorService worker, ObjLongConsumer<ModuleEntry> respawn) {
        this.settings = settings;
        this.seams = seams;
        this.portGuard = portGuard;
        this.families = families;
        this.records = records;
        this.worker = worker;
        this.respawn = respawn;
    }

    void exited(ModuleEntry entry, ChildProcess child, long generation, ProcessFamilies.Family family, int exitCode,
                CompletableFuture<Void> drained) {
        try {
            settle(entry, child, generation, family, exitCode, drained);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "[supervisor] " + entry.shortName + ": handling the exit of pid " + child.pid()
                    + " failed", e);
            StartError error = StartError.of(StartErrorType.SPAWN_FAILED, entry.shortName + ": pid " + child.pid()
                    + " exited (code " + exitCode + ") and the supervisor could not handle it: " + e
                    + " — run: parachute start " + entry.shortName, null, seams.wallClock().instant());
            synchronized (entry.lock) {
                entry.exitHandlingFailed(generation, exitCode, error);
            }
        }
    }

    private void settle(ModuleEntry entry, ChildProcess child, long generation, ProcessFamilies.Family family,
                        int exitCode, CompletableFuture<Void> drained) {
        awaitDrain(drained);
        SpawnRequest request;
        synchronized (entry.lock) {
            if (entry.settleIfNotCrash(generation, exitCode)) {
                return;
            }
            request = entry.request();
        }
        // outside the lock. The leader is gone (its pid may be reused): the spawn id alone proves what it left, and
        // each of those gets its SIGTERM now. Anything found is awaited (up to the orphan grace, then SIGKILL) before
        // the port check and the respawn, as ever. When nothing was found (a module that is just its leader) only
        // the second look, for a fork that raced the scan, is left: it runs once the respawn is scheduled, so the
        // clean-up does not delay it; a process of ours on the port meanwhile is still ended by the port guard
        // (the child's record, which proves it ours, is deleted only after that second look)
        String reason = entry.shortName + ": left behind by crashed pid " + child.pid();
        ProcessFamilies.Ending ending = families.signal(List.of(new ProcessFamilies.Family(entry.shortName, null,
                family.spawnId(), family.bornNotBefore())), left -> reason);
        boolean deferred = ending.onlyLeaders();
        if (!deferred) {
            families.finish(ending, settings.orphanGrace(), (left, members) -> { });
            records.delete(entry.shortName, child.pid());
        }
        Optional<StartError> squatter = portGuard.clear(request, seams.wallClock().instant());
        synchronized (entry.lock) {
            if (!entry.settleIfNotCrash(generation, exitCode)) {
                settleCrash(entry, exitCode, squatter);
            }
        }
        if (deferred) {
            try {
                families.finish(ending, settings.orphanGrace(), (left, members) -> { });
                records.delete(entry.shortName, child.pid());
            } catch (RuntimeException e) {
                // the crash is settled (and maybe respawned): a failed last look must not undo that
                LOG.log(Level.WARNING, "[supervisor] " + entry.shortName + ": the last look for what crashed pid "
                        + child.pid() + " left behind failed", e);
            }
        }
    }

    private void settleCrash(ModuleEntry entry, int exitCode, Optional<StartError> squatter) {
        Instant now = seams.wallClock().instant();
        if (squatter.isPresent()) {
            entry.crashedBySquatter(exitCode, now, squatter.get());
            entry.log.supervisorLine(squatter.get().description());
            return;
        }
        int crashes = entry.spendCrash(exitCode, now, seams.clock().millis());
        if (entry.budgetExhausted()) {
            entry.log.supervisorLine(entry.shortName + " crashed " + crashes + "x within "
                    + settings.crashWindow().toMillis() + "ms — giving up.");
            entry.giveUp(exitCode);
            return;
        }
        entry.log.supervisorLine(entry.shortName + " exited (code=" + exitCode + "); restart " + crashes + "/"
                + settings.maxCrashes() + " in window.");
        entry.scheduleRespawn(exitCode, token -> seams.scheduler().schedule(
                () -> worker.execute(() -> respawn.accept(entry, token)), settings.backoff().delayFor(crashes)));
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
