package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Every signal the hub sends to a module process goes through here (DESIGN §5): only to members of a family the hub
 * can prove it started, never to the hub's own pid or group, and each one logged with pid, signal and reason.
 * A family is what one spawn became: its leader (pid + start time, while it lives, with its group and session) and
 * every process that carries its spawn id in the environment (daemonized grandchildren in another session too).
 * Ending a family is TERM to the whole set, the grace, then KILL to what is left, re-enumerated so a fork made
 * meanwhile is not missed.
 */
final class ProcessFamilies {
    private static final Logger LOG = Logger.getLogger(ProcessFamilies.class.getName());
    /** After SIGKILL the exit is a kernel matter of milliseconds; the bound only keeps a stop from hanging. */
    static final Duration KILL_AWAIT = Duration.ofSeconds(5);
    /** How often the set is checked for exits while waiting (a read of /proc/<pid>/stat per member). */
    /** Exit polls start at {@link #FIRST_EXIT_POLL} and double up to this: most modules are gone within a few ms. */
    static final Duration EXIT_POLL = Duration.ofMillis(20);
    static final Duration FIRST_EXIT_POLL = Duration.ofMillis(1);
    /** Rounds of re-enumerate + SIGKILL: a family that keeps forking cannot keep a stop going forever. */
    private static final int KILL_ROUNDS = 3;

    /** What proves processes ours: the leader (null when gone or unknown) and/or the spawn id (null for old rows). */
    record Family(String shortName, ProcessSnapshot leader, String spawnId) { }

    private final ProcessTree tree;
    private final ProcessSignals signals;
    private final Scheduler scheduler;
    private final long selfPid;
    private final long selfGroup;

    ProcessFamilies(ProcessTree tree, ProcessSignals signals, Scheduler scheduler) {
        this.tree = tree;
        this.signals = signals;
        this.scheduler = scheduler;
        this.selfPid = ProcessHandle.current().pid();
        this.selfGroup = tree.groupOf(selfPid);
    }

    /** The hub's own process: never a member of a family, never signalled, never an orphan. */
    boolean isHub(long pid) {
        return pid == selfPid;
    }

    /** The family's live members now (never the hub itself). */
    List<ProcessSnapshot> members(Family family) {
        Map<Long, ProcessSnapshot> found = new LinkedHashMap<>();
        boolean leaderLive = family.leader() != null && tree.running(family.leader());
        if (leaderLive) {
            found.put(family.leader().pid(), family.leader());
        }
        // the leader's group and session are its own (setsid) only while it lives: a dead leader's id may be reused
        long group = leaderLive && family.leader().pid() != selfGroup ? family.leader().pid() : 0;
        if (group != 0 || family.spawnId() != null) {
            tree.family(family.spawnId(), group).forEach(member -> found.putIfAbsent(member.pid(), member));
        }
        found.remove(selfPid);
        return new ArrayList<>(found.values());
    }

    /**
     * Ends every family: SIGTERM to every member, up to {@code grace} for all of them to exit, then SIGKILL to what
     * is left (and anything forked since), awaited. {@code beforeKill} hears the members about to get SIGKILL.
     *
     * @return the members that had to be SIGKILLed
     */
    List<ProcessSnapshot> terminate(List<Family> families, Duration grace, String reason,
                                    Consumer<List<ProcessSnapshot>> beforeKill) {
        if (!tree.canEnumerate()) {
            return terminateGroups(families, grace, reason, beforeKill);
        }
        Map<Long, ProcessSnapshot> tracked = new LinkedHashMap<>();
        // the leaders first, before the /proc scan for the rest of each family: a leader is our own child (pid +
        // start time checked by the signal seam), and most modules are nothing but their leader
        for (Family family : families) {
            ProcessSnapshot leader = family.leader();
            if (leader != null && send(leader, Signal.TERM, reason)) {
                tracked.put(leader.pid(), leader);
            }
        }
        Set<Long> signalled = Set.copyOf(tracked.keySet());
        families.forEach(family -> members(family).forEach(m -> tracked.putIfAbsent(m.pid(), m)));
        tracked.values().stream().filter(member -> !signalled.contains(member.pid()))
                .forEach(member -> send(member, Signal.TERM, reason));
        awaitGone(tracked.values(), grace);
        List<ProcessSnapshot> killed = new ArrayList<>();
        for (int round = 0; round < KILL_ROUNDS; round++) {
            families.forEach(family -> members(family).forEach(m -> tracked.putIfAbsent(m.pid(), m)));
            List<ProcessSnapshot> left = tracked.values().stream().filter(tree::running).toList();
            if (left.isEmpty()) {
                break;
            }
            if (round == 0) {
                beforeKill.accept(left);
            }
            left.forEach(member -> send(member, Signal.KILL, reason + ", still alive after SIGTERM"));
            killed.addAll(left);
            awaitGone(left, KILL_AWAIT);
        }
        return killed;
    }

    List<ProcessSnapshot> terminate(List<Family> families, Duration grace, String reason) {
        return terminate(families, grace, reason, left -> { });
    }

    /** The one funnel for a signal to one process: refuses the hub itself, logs pid, signal and reason. */
    boolean send(ProcessSnapshot target, Signal signal, String reason) {
        if (target.pid() <= 1 || target.pid() == selfPid) {
            LOG.warning(() -> "[supervisor] refusing SIG" + signal + " to pid " + target.pid()
                    + " (the hub itself or init): " + reason);
            return false;
        }
        boolean sent = signals.signal(target, signal);
        LOG.info(() -> "[supervisor] SIG" + signal + " to pid " + target.pid() + " (" + reason + ")"
                + (sent ? "" : ": already gone"));
        return sent;
    }

    /** Without /proc: the group signals of the old days, while the leader is ours; stragglers escape (README). */
    private List<ProcessSnapshot> terminateGroups(List<Family> families, Duration grace, String reason,
                                                  Consumer<List<ProcessSnapshot>> beforeKill) {
        List<ProcessSnapshot> leaders = families.stream().map(Family::leader)
                .filter(leader -> leader != null && tree.running(leader)).toList();
        leaders.forEach(leader -> sendGroup(leader, Signal.TERM, reason));
        awaitGone(leaders, grace);
        List<ProcessSnapshot> left = leaders.stream().filter(tree::running).toList();
        if (!left.isEmpty()) {
            beforeKill.accept(left);
            left.forEach(leader -> sendGroup(leader, Signal.KILL, reason + ", still alive after SIGTERM"));
            awaitGone(left, KILL_AWAIT);
        }
        return left;
    }

    private void sendGroup(ProcessSnapshot leader, Signal signal, String reason) {
        long pgid = leader.pid();
        if (pgid <= 1 || pgid == selfPid || pgid == selfGroup) {
            LOG.warning(() -> "[supervisor] refusing SIG" + signal + " to group " + pgid + " (the hub's own): "
                    + reason);
            return;
        }
        try {
            boolean sent = signals.signalGroup(pgid, signal);
            LOG.info(() -> "[supervisor] SIG" + signal + " to group " + pgid + " (" + reason + ")"
                    + (sent ? "" : ": already gone"));
        } catch (ProcessSignalException e) {
            LOG.warning(() -> "[supervisor] SIG" + signal + " to group " + pgid + " failed (" + reason + "): "
                    + e.getMessage());
        }
    }

    /** True when every target exited within {@code timeout}; polled on the scheduler, never by sleeping here. */
    private boolean awaitGone(Collection<ProcessSnapshot> targets, Duration timeout) {
        List<ProcessSnapshot> watched = List.copyOf(targets);
        CompletableFuture<Void> gone = new CompletableFuture<>();
        Runnable check = new Runnable() {
            private Duration nextPoll = FIRST_EXIT_POLL;

            @Override
            public void run() {
                if (gone.isDone()) {
                    return;
                }
                if (watched.stream().noneMatch(tree::running)) {
                    gone.complete(null);
                    return;
                }
                try {
                    scheduler.schedule(this, nextPoll);
                    nextPoll = nextPoll.multipliedBy(2).compareTo(EXIT_POLL) > 0 ? EXIT_POLL : nextPoll.multipliedBy(2);
                } catch (RejectedExecutionException e) {
                    gone.completeExceptionally(e); // the scheduler is closing: stop waiting
                }
            }
        };
        check.run();
        try {
            gone.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            gone.cancel(false);
        }
    }
}
