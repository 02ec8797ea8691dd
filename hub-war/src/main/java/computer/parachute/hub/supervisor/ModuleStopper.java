package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Stop (DESIGN §5): flag the stop, then end the child's whole family, the leader, its group and every process
 * carrying its spawn id (daemonized or not): SIGTERM to all, the grace, SIGKILL to what is left, awaited. A process
 * whose exit was already seen is never signalled (pid + start time are checked at each signal). Called with the
 * module's operation lock held; it never sets {@code stopped} for a live process: the exit callback does, and
 * this waits for it.
 */
final class ModuleStopper {
    private static final Logger LOG = Logger.getLogger(ModuleStopper.class.getName());
    /** The exit callback's own work: output drain plus a port look-up. */
    static final Duration SETTLE_AWAIT = Duration.ofSeconds(10);

    private final SupervisorSettings settings;
    private final ProcessFamilies families;
    private final ChildRecords records;

    ModuleStopper(SupervisorSettings settings, ProcessFamilies families, ChildRecords records) {
        this.settings = settings;
        this.families = families;
        this.records = records;
    }

    /** The longest a stop can take: the grace, the SIGKILL rounds, the exit handling. */
    Duration bound() {
        return settings.stopGrace().plus(ProcessFamilies.KILL_AWAIT.multipliedBy(3)).plus(SETTLE_AWAIT);
    }

    void stop(ModuleEntry entry) {
        ChildProcess child;
        String spawnId;
        CompletableFuture<Void> settled;
        synchronized (entry.lock) {
            if (!entry.requestStop()) {
                return;
            }
            child = entry.child();
            spawnId = entry.spawnId();
            settled = entry.exitSettled();
        }
        ProcessSnapshot leader = new ProcessSnapshot(child.pid(), child.startTime(), "");
        families.terminate(List.of(new ProcessFamilies.Family(entry.shortName, leader, spawnId)),
                settings.stopGrace(), entry.shortName + ": stop requested", left -> escalating(entry, left));
        await(settled, SETTLE_AWAIT, entry.shortName + " exit handling");
        records.delete(entry.shortName, child.pid());
    }

    private void escalating(ModuleEntry entry, List<ProcessSnapshot> left) {
        entry.log.supervisorLine(entry.shortName + " did not exit " + settings.stopGrace().toMillis()
                + "ms after SIGTERM — escalating to SIGKILL (" + left.size() + " process"
                + (left.size() == 1 ? "" : "es") + ").");
    }

    private static void await(CompletableFuture<?> future, Duration timeout, String what) {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warning(() -> what + " did not finish within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            // settled exceptionally: nothing more to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
