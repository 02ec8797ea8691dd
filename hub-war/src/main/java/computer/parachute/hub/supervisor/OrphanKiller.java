package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.NeutralContextLoader;
import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends processes that are not our children (orphans of a previous hub, a module's leftover listener): SIGTERM to
 * the group, wait {@code grace}, SIGKILL what is still the same incarnation (pid + start time), never a reused pid.
 */
final class OrphanKiller {
    private static final Logger LOG = Logger.getLogger(OrphanKiller.class.getName());
    /** After SIGKILL the kernel needs only a moment; bounded so a stuck process cannot hang boot. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private final ProcessSignals signals;
    private final ProcessTable processTable;
    private final Duration grace;

    OrphanKiller(ProcessSignals signals, ProcessTable processTable, Duration grace) {
        this.signals = signals;
        this.processTable = processTable;
        this.grace = grace;
    }

    /** Terminates every target (they share one grace period); returns the ones that had to be SIGKILLed. */
    List<ProcessSnapshot> terminate(List<ProcessSnapshot> targets) {
        List<ProcessSnapshot> signalled = new ArrayList<>();
        for (ProcessSnapshot target : targets) {
            if (stillSame(target) && send(target, Signal.TERM)) {
                signalled.add(target);
            }
        }
        awaitExit(signalled, grace);
        List<ProcessSnapshot> killed = new ArrayList<>();
        for (ProcessSnapshot target : signalled) {
            if (stillSame(target) && send(target, Signal.KILL)) {
                killed.add(target);
            }
        }
        awaitExit(killed, KILL_WAIT);
        return killed;
    }

    /** The live process at {@code pid} when it is the same incarnation as {@code target}. */
    boolean stillSame(ProcessSnapshot target) {
        Optional<ProcessSnapshot> now = processTable.find(target.pid());
        return now.isPresent() && target.sameIncarnation(now.get());
    }

    private boolean send(ProcessSnapshot target, Signal signal) {
        try {
            return signals.signalGroup(target.pid(), signal);
        } catch (ProcessSignalException e) {
            LOG.log(Level.WARNING, "cannot signal orphan pid " + target.pid() + ": " + e.getMessage(), e);
            return false;
        }
    }

    private static void awaitExit(List<ProcessSnapshot> targets, Duration timeout) {
        if (targets.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] exits = targets.stream()
                .map(target -> ProcessHandle.of(target.pid()).map(NeutralContextLoader::onExit)
                        .orElse(CompletableFuture.completedFuture(null)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.fine(() -> "orphans still alive after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            LOG.log(Level.FINE, "waiting for orphans", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
