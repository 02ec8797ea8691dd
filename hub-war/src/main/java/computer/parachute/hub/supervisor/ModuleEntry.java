package computer.parachute.hub.supervisor;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * One supervised module. Two locks with distinct jobs:
 * <ul>
 *   <li>{@link #operation} serialises the operations that may spawn or stop (start, stop, restart, respawn): at
 *       most one is in flight, so two of them can never both spawn. It may be held while waiting for an exit.</li>
 *   <li>{@link #lock} guards the fields below; it is held only for short reads and writes, never while waiting
 *       (the exit callback takes it without the operation lock, so it can always run).</li>
 * </ul>
 * {@link #transition} is the only writer of the state (STYLE rule 6).
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
    SpawnRequest request;
    ChildProcess child;
    long generation;
    Instant startedAt;
    Integer lastExitCode;
    Instant lastCrashAt;
    StartError startError;
    /** The current child's port was seen accepting connections (readiness gate or the late re-probe). */
    boolean portReady;
    boolean stopRequested;
    RestartBudget budget;
    int restartsInWindow;
    ScheduledFuture<?> pendingRespawn;
    long respawnToken;
    /** Completed by the exit callback of the current child once it has settled the state. */
    CompletableFuture<Void> exitSettled = CompletableFuture.completedFuture(null);

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

    /** Moves to {@code to}, checking the table; logs {@code vault: running -> crashed (exit 1)}. Caller holds lock. */
    void transition(ModuleState to, String reason) {
        if (!Thread.holdsLock(lock)) {
            throw new IllegalStateException(shortName + ": transition to " + to + " without the module lock");
        }
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
    void changed() {
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

    /** Invalidates and cancels the pending respawn, if any. Caller holds lock. */
    void cancelPendingRespawn() {
        respawnToken++;
        if (pendingRespawn != null) {
            pendingRespawn.cancel(false);
            pendingRespawn = null;
        }
    }

    OptionalInt readyPort() {
        synchronized (lock) {
            return portReady && request != null ? request.port() : OptionalInt.empty();
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
