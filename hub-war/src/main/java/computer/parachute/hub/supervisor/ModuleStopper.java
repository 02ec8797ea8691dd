package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
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
 * this waits for it (a restart settles an exit it saw itself, see {@link #stopForRestart}).
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
        stop(List.of(entry));
    }

    /**
     * Stops {@code entries} together (the caller holds each one's operation lock): every leader gets its SIGTERM in
     * one pass before any process table scan, and each later phase scans once for all of them (hub shutdown).
     */
    void stop(List<ModuleEntry> entries) {
        List<Stopping> stopping = new ArrayList<>();
        for (ModuleEntry entry : entries) {
            synchronized (entry.lock) {
                if (entry.requestStop()) {
                    stopping.add(new Stopping(entry, entry.family(), entry.exitSettled(), entry.child().pid()));
                }
            }
        }
        if (stopping.isEmpty()) {
            return;
        }
        families.terminate(stopping.stream().map(Stopping::family).toList(), settings.stopGrace(),
                family -> family.shortName() + ": stop requested",
                (family, left) -> escalating(of(stopping, family).entry(), left));
        long deadline = System.nanoTime() + SETTLE_AWAIT.toNanos();
        stopping.forEach(stop -> await(stop.exit(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                stop.entry().shortName + " exit handling"));
        stopping.forEach(stop -> records.delete(stop.entry().shortName, stop.pid()));
    }

    /**
     * What a stop captured of one module under its lock. Found again by the family's identity, never its hash: a
     * record's first {@code hashCode} links its ObjectMethods bootstrap, ~2 ms on the path to a stop's first SIGTERM.
     */
    private record Stopping(ModuleEntry entry, ProcessFamilies.Family family, CompletableFuture<Void> exit, long pid) {
    }

    private static Stopping of(List<Stopping> stopping, ProcessFamilies.Family family) {
        for (Stopping stop : stopping) {
            if (stop.family() == family) {
                return stop;
            }
        }
        throw new IllegalArgumentException("not a family being stopped: " + family.shortName());
    }

    /**
     * The stop before a restart's spawn (the caller holds the operation lock): as {@link #stop}, except when the scan
     * found nothing but the leader and the leader's exit settled within the grace. Then what is left is only the
     * last look for a fork that raced the scan (SIGKILL to any such process), and the deletion of the child's
     * record, which proves such a process ours to the port guard until then. That is returned, for the caller to run
     * once the new child is spawned and before its readiness is probed: the new instance does not wait for it, and
     * no process of the old one is left when the port is first probed.
     */
    Runnable stopForRestart(ModuleEntry entry) {
        ProcessFamilies.Family family;
        CompletableFuture<Void> settled;
        CompletableFuture<Void> drained;
        ChildProcess child;
        long generation;
        synchronized (entry.lock) {
            if (!entry.requestStop()) {
                return () -> { };
            }
            family = entry.family();
            settled = entry.exitSettled();
            drained = entry.outputDrained();
            child = entry.child();
            generation = entry.generation();
        }
        long pid = child.pid();
        ProcessFamilies.Ending ending = families.signal(List.of(family), f -> f.shortName() + ": stop requested");
        Duration grace = settings.stopGrace();
        if (ending.onlyLeaders()) {
            long started = System.nanoTime();
            if (settledHere(entry, child, generation, drained, grace)) {
                return () -> {
                    families.finish(ending, Duration.ZERO, (f, left) -> escalating(entry, left));
                    records.delete(entry.shortName, pid);
                };
            }
            grace = Duration.ofNanos(Math.max(0, grace.toNanos() - (System.nanoTime() - started)));
        }
        families.finish(ending, grace, (f, left) -> escalating(entry, left));
        await(settled, SETTLE_AWAIT, entry.shortName + " exit handling");
        records.delete(entry.shortName, pid);
        return () -> { };
    }

    /**
     * Waits for the leader's exit on this thread and settles the stop as the exit callback would ({@code stopped},
     * once the output drained): the JDK's reaper wakes this thread itself, where the callback comes two thread
     * hand-offs later (the JDK's {@code onExit} on the common pool, then the supervisor's worker), 0.3-4 ms each on
     * a busy two-core box, and a restart spawns only after it. The callback then finds the stop settled. False when the
     * leader outlived {@code grace}.
     */
    private static boolean settledHere(ModuleEntry entry, ChildProcess child, long generation,
                                       CompletableFuture<Void> drained, Duration grace) {
        OptionalInt code;
        try {
            code = child.awaitExit(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (code.isEmpty()) {
            return false;
        }
        await(drained, ExitHandler.OUTPUT_DRAIN, null); // as the callback: the old process's last lines come first
        synchronized (entry.lock) {
            entry.settleIfNotCrash(generation, code.getAsInt());
        }
        return true;
    }


    private void escalating(ModuleEntry entry, List<ProcessSnapshot> left) {
        entry.log.supervisorLine(entry.shortName + " did not exit " + settings.stopGrace().toMillis()
                + "ms after SIGTERM — escalating to SIGKILL (" + left.size() + " process"
                + (left.size() == 1 ? "" : "es") + ").");
    }

    /** True when {@code future} completed within {@code timeout}; a timeout is logged unless {@code what} is null. */
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
            return true; // settled exceptionally: nothing more to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
