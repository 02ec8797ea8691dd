package computer.parachute.hub.supervisor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stop (DESIGN §5): flag the stop, SIGTERM the group, await the exit for the grace, then SIGKILL the group and
 * await again. A process whose exit was already seen is never signalled (its pid may be someone else's now).
 * Called with the module's operation lock held; it never sets {@code stopped} for a live process: the exit
 * callback does, and this waits for it.
 */
final class ModuleStopper {
    private static final Logger LOG = Logger.getLogger(ModuleStopper.class.getName());
    /** After SIGKILL the exit is a kernel matter of milliseconds; the bound only keeps a stop from hanging. */
    static final Duration KILL_AWAIT = Duration.ofSeconds(5);
    /** The exit callback's own work: output drain plus a port look-up. */
    static final Duration SETTLE_AWAIT = Duration.ofSeconds(10);

    private final SupervisorSettings settings;
    private final ProcessSignals signals;

    ModuleStopper(SupervisorSettings settings, ProcessSignals signals) {
        this.settings = settings;
        this.signals = signals;
    }

    void stop(ModuleEntry entry) {
        ChildProcess child;
        CompletableFuture<Void> settled;
        synchronized (entry.lock) {
            entry.stopRequested = true;
            entry.cancelPendingRespawn();
            ModuleState state = entry.state();
            if (state == ModuleState.RESTARTING || state == ModuleState.CRASHED) {
                entry.transition(ModuleState.STOPPED, "stop requested, no process");
                return;
            }
            if (state != ModuleState.RUNNING) {
                return;
            }
            child = entry.child;
            settled = entry.exitSettled;
        }
        terminate(entry, child);
        await(settled, SETTLE_AWAIT, entry.shortName + " exit handling");
    }

    private void terminate(ModuleEntry entry, ChildProcess child) {
        signal(entry, child, Signal.TERM);
        if (await(child.onExit(), settings.stopGrace(), null)) {
            killStragglers(entry, child);
            return;
        }
        entry.log.supervisorLine(entry.shortName + " did not exit " + settings.stopGrace().toMillis()
                + "ms after SIGTERM — escalating to SIGKILL.");
        signal(entry, child, Signal.KILL);
        if (!await(child.onExit(), KILL_AWAIT, null)) {
            LOG.severe(() -> entry.shortName + ": pid " + child.pid() + " still alive " + KILL_AWAIT.toMillis()
                    + " ms after SIGKILL");
        }
    }

    /**
     * The leader exited on SIGTERM, but a member of its group may ignore SIGTERM (a listener behind a wrapper
     * script): it would keep the module's port after a stop that reported success, and the next start would
     * find it there (found by the fault suite). Whatever is left of the group gets SIGKILL; group-only, because
     * the leader's own pid is no longer ours.
     */
    private void killStragglers(ModuleEntry entry, ChildProcess child) {
        try {
            if (signals.signalGroupOnly(child.pid(), Signal.KILL)) {
                entry.log.supervisorLine(entry.shortName + ": pid " + child.pid() + " exited but part of its process"
                        + " group ignored SIGTERM — sent it SIGKILL.");
            }
        } catch (ProcessSignalException e) {
            LOG.log(Level.WARNING, entry.shortName + ": SIGKILL to what is left of group " + child.pid()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private void signal(ModuleEntry entry, ChildProcess child, Signal signal) {
        if (child.onExit().isDone()) {
            return; // already reaped: the pid is no longer ours
        }
        try {
            if (!signals.signalGroup(child.pid(), signal)) {
                LOG.fine(() -> entry.shortName + ": pid " + child.pid() + " already gone for SIG" + signal);
            }
        } catch (ProcessSignalException e) {
            LOG.log(Level.WARNING, entry.shortName + ": SIG" + signal + " to pid " + child.pid() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** True when {@code future} completed within {@code timeout}. */
    private static boolean await(CompletableFuture<?> future, Duration timeout, String what) {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            if (what != null) {
                LOG.warning(() -> what + " did not finish within " + timeout.toMillis() + " ms");
            }
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
