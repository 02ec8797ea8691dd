package computer.parachute.hub.supervisor;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.logging.Logger;

/**
 * One supervised module. Its fields are written here only, by methods that name what happened; each publishes the
 * change ({@link #changed()}) so {@link ModuleEvents} subscribers see every state, pid and start-error change.
 * Two locks with distinct jobs:
 * <ul>
 *   <li>{@link #operation} serialises the operations that may spawn or stop (start, stop, restart, respawn): at
 *       most one is in flight, so two of them can never both spawn. It may be held while waiting for an exit.</li>
 *   <li>{@link #lock} guards the fields; it is held only for short reads and writes, never while waiting (the exit
 *       callback takes it without the operation lock, so it can always run). Every mutator needs it held.</li>
 * </ul>
 * {@link #transition} is the only writer of the state (STYLE rule 6). A child is identified by its generation:
 * callbacks for an older generation (a stale exit, a late readiness result) change nothing.
 */
final class ModuleEntry {
    private static final Logger LOG = Logger.getLogger(ModuleEntry.class.getName());

    final String shortName;
    final ModuleLog log;
    private final ModuleEvents events;
    final ReentrantLock operation = new ReentrantLock(true);
    final Object lock = new Object();

    // guarded by lock
    private ModuleState state = ModuleState.STOPPED;
    private SpawnRequest request;
    private ChildProcess child;
    /** What proves the current child's processes ours (leader, spawn id, birth); null before the first spawn. */
    private ProcessFamilies.Family family;
    private long generation;
    private Instant startedAt;
    private Integer lastExitCode;
    private Instant lastCrashAt;
    private StartError startError;
    /** The current child's port was seen accepting connections (readiness gate or the late re-probe). */
    private boolean portReady;
    private boolean stopRequested;
    private RestartBudget budget;
    private int restartsInWindow;
    private ScheduledFuture<?> pendingRespawn;
    private long respawnToken;
    /** Completed by the exit callback of the current child once it has settled the state. */
    private CompletableFuture<Void> exitSettled = CompletableFuture.completedFuture(null);
    /** Completed once the current child's output pump reached EOF (every line of it is logged). */
    private CompletableFuture<Void> outputDrained = CompletableFuture.completedFuture(null);

    ModuleEntry(String shortName, ModuleLog log, RestartBudget budget, ModuleEvents events) {
        this.shortName = shortName;
        this.log = log;
        this.budget = budget;
        this.events = events;
    }

    ModuleState state() {
        synchronized (lock) {
            return state;
        }
    }

    // ---- start, respawn, spawn ----

    /** A start request: false when already live (start is idempotent); else cancels a pending respawn, STARTING. */
    boolean beginStart(SpawnRequest startRequest, RestartBudget freshBudget) {
        requireLock();
        if (ModuleState.LIVE.contains(state)) {
            return false;
        }
        cancelPendingRespawn();
        request = startRequest;
        budget = freshBudget;
        restartsInWindow = 0;
        stopRequested = false;
        transition(ModuleState.STARTING, "start requested");
        return true;
    }

    /** The scheduled respawn fires: the request to spawn, or null when a start or stop since then made it stale. */
    SpawnRequest beginRespawn(long token) {
        requireLock();
        if (respawnToken != token || state != ModuleState.RESTARTING || stopRequested) {
            return null;
        }
        pendingRespawn = null;
        transition(ModuleState.STARTING, "respawn after crash");
        return request;
    }

    /** The child is spawned: RUNNING with it; returns its generation. */
    long attach(ChildProcess spawned, ProcessFamilies.Family spawnedFamily, Instant at) {
        requireLock();
        child = spawned;
        family = spawnedFamily;
        startedAt = at;
        exitSettled = new CompletableFuture<>();
        outputDrained = CompletableFuture.completedFuture(null);
        generation++;
        transition(ModuleState.RUNNING, "pid " + spawned.pid());
        return generation;
    }

    /** A start that failed before or at the spawn (preflight, port, the OS, an unexpected error): CRASHED. */
    void markCrashed(StartError error) {
        requireLock();
        transition(ModuleState.CRASHED, error.type());
        startError = error;
        changed();
    }

    // ---- readiness ----

    /** True while {@code gen} is the current, running child and no stop is under way. */
    boolean isCurrent(long gen) {
        requireLock();
        return generation == gen && state == ModuleState.RUNNING && !stopRequested;
    }

    void markReady(long gen) {
        requireLock();
        if (isCurrent(gen)) {
            portReady = true;
            changed();
        }
    }

    /** Running but not bound within the window: records {@code started_but_unbound}; false when no longer current. */
    boolean markUnbound(long gen, StartError error) {
        requireLock();
        if (!isCurrent(gen)) {
            return false;
        }
        startError = error;
        changed();
        return true;
    }

    /** The late re-probe saw the port bound: clears {@code started_but_unbound}; false when there was nothing to clear. */
    boolean clearUnbound(long gen) {
        requireLock();
        if (!isCurrent(gen) || startError == null || !startError.is(StartErrorType.STARTED_BUT_UNBOUND)) {
            return false;
        }
        startError = null;
        portReady = true;
        changed();
        return true;
    }

    // ---- stop ----

    /**
     * A stop request: flags it and cancels a pending respawn; a module without a process (restarting, crashed) goes
     * straight to STOPPED. True when a running child must now be signalled ({@link #child()} and friends).
     */
    boolean requestStop() {
        requireLock();
        stopRequested = true;
        cancelPendingRespawn();
        if (state == ModuleState.RESTARTING || state == ModuleState.CRASHED) {
            transition(ModuleState.STOPPED, "stop requested, no process");
            return false;
        }
        return state == ModuleState.RUNNING;
    }

    ChildProcess child() {
        requireLock();
        return child;
    }

    ProcessFamilies.Family family() {
        requireLock();
        return family;
    }

    long generation() {
        requireLock();
        return generation;
    }

    CompletableFuture<Void> exitSettled() {
        requireLock();
        return exitSettled;
    }

    /** The output pump of child {@code gen} runs: {@code drained} completes at its EOF. */
    void outputPumped(long gen, CompletableFuture<Void> drained) {
        requireLock();
        if (generation == gen) {
            outputDrained = drained;
        }
    }

    CompletableFuture<Void> outputDrained() {
        requireLock();
        return outputDrained;
    }

    SpawnRequest request() {
        requireLock();
        return request;
    }

    // ---- exit ----

    /**
     * True when the exit of child {@code gen} needs no crash handling: an older generation, a state that is no
     * longer RUNNING, or a requested stop (now settled as STOPPED).
     */
    boolean settleIfNotCrash(long gen, int exitCode) {
        requireLock();
        if (generation != gen) {
            return true;
        }
        if (state != ModuleState.RUNNING) {
            exitSettled.complete(null);
            return true;
        }
        if (!stopRequested) {
            return false;
        }
        lastExitCode = exitCode;
        transition(ModuleState.STOPPED, "exit " + exitCode + " after stop");
        exitSettled.complete(null);
        return true;
    }

    /** A crash while a foreign process holds the port: CRASHED with {@code port_squatter}, no budget spent. */
    void crashedBySquatter(int exitCode, Instant at, StartError squatter) {
        requireLock();
        lastExitCode = exitCode;
        lastCrashAt = at;
        transition(ModuleState.CRASHED, "exit " + exitCode + ", port held by another process");
        startError = squatter;
        changed();
        exitSettled.complete(null);
    }

    /** Spends budget on a crash; returns the crashes now in the window. Follow with give-up or respawn. */
    int spendCrash(int exitCode, Instant at, long nowMillis) {
        requireLock();
        lastExitCode = exitCode;
        lastCrashAt = at;
        budget = budget.afterCrash(nowMillis);
        restartsInWindow = budget.crashesInWindow();
        return restartsInWindow;
    }

    boolean budgetExhausted() {
        requireLock();
        return budget.exhausted();
    }

    void giveUp(int exitCode) {
        requireLock();
        transition(ModuleState.CRASHED, "exit " + exitCode + ", giving up");
        exitSettled.complete(null);
    }

    /** RESTARTING, with the respawn {@code schedule} builds from the token that keeps it valid. */
    void scheduleRespawn(int exitCode, LongFunction<ScheduledFuture<?>> schedule) {
        requireLock();
        transition(ModuleState.RESTARTING, "exit " + exitCode);
        cancelPendingRespawn();
        pendingRespawn = schedule.apply(respawnToken);
        exitSettled.complete(null);
    }

    /** Exit handling of child {@code gen} failed unexpectedly: never leave a dead pid RUNNING. */
    void exitHandlingFailed(long gen, int exitCode, StartError error) {
        requireLock();
        if (generation == gen && state == ModuleState.RUNNING) {
            lastExitCode = exitCode;
            markCrashed(error);
        }
        exitSettled.complete(null);
    }

    // ---- state machine and publication ----

    /** Moves to {@code to}, checking the table; logs {@code vault: running -> crashed (exit 1)}. Caller holds lock. */
    void transition(ModuleState to, String reason) {
        requireLock();
        if (!state.canMoveTo(to)) {
            throw new IllegalStateException(shortName + ": illegal transition " + state.wireName() + " -> "
                    + to.wireName() + " (" + reason + ")");
        }
        ModuleState from = state;
        state = to;
        enter(to);
        LOG.info(() -> shortName + ": " + from.wireName() + " -> " + to.wireName() + " (" + reason + ")");
        changed();
    }

    /** Publishes the current snapshot; called after every change a watcher can see (state, pid, start error). */
    private void changed() {
        events.publish(snapshot());
    }

    /** Entry effects: a process exists only while running; a fresh start clears the previous start error. */
    private void enter(ModuleState to) {
        switch (to) {
            case STARTING -> {
                startError = null;
                portReady = false;
            }
            case RUNNING -> { }
            case STOPPED, CRASHED, RESTARTING -> {
                child = null;
                portReady = false;
            }
        }
    }

    /** Invalidates and cancels the pending respawn, if any. */
    private void cancelPendingRespawn() {
        respawnToken++;
        if (pendingRespawn != null) {
            pendingRespawn.cancel(false);
            pendingRespawn = null;
        }
    }

    /** The current child's port once it was seen accepting connections; empty before that or without a child. */
    OptionalInt readyPort() {
        synchronized (lock) {
            return portReady && request != null ? request.port() : OptionalInt.empty();
        }
    }

    private void requireLock() {
        if (!Thread.holdsLock(lock)) {
            throw new IllegalStateException(shortName + ": module fields touched without the module lock");
        }
    }

    ModuleSnapshot snapshot() {
        synchronized (lock) {
            Long pid = child == null ? null : child.pid();
            return new ModuleSnapshot(shortName, state.wireName(), pid, child == null ? null : startedAt,
                    restartsInWindow, lastExitCode, lastCrashAt, startError, portReady);
        }
    }
}
