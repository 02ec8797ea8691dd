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
import java.util.function.BiConsumer;
import java.util.function.Function;
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

    /**
     * What proves processes ours: the leader (null when gone or unknown) and/or the spawn id (null for old rows).
     * {@code bornNotBefore} is the leader's {@link ProcessTree#birthOf birth} when known (0: unknown): no member is
     * older, so an older process's environment is never read.
     */
    record Family(String shortName, ProcessSnapshot leader, String spawnId, long bornNotBefore) {
        Family(String shortName, ProcessSnapshot leader, String spawnId) {
            this(shortName, leader, spawnId, 0);
        }
    }

    /** A process being ended, and the family that proved it ours (for the log's reason). */
    private record Member(ProcessSnapshot process, Family family) { }

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
        return membersOf(List.of(family)).values().stream().map(Member::process).toList();
    }

    /**
     * The live members of all {@code families} now, in one pass over the process table (never the hub itself), by
     * pid; a process claimed by two families is listed under the first.
     */
    private Map<Long, Member> membersOf(List<Family> families) {
        Map<Long, Member> found = new LinkedHashMap<>();
        List<Family> scanned = new ArrayList<>();
        List<ProcessTree.Lineage> lineages = new ArrayList<>();
        for (Family family : families) {
            boolean leaderLive = family.leader() != null && tree.running(family.leader());
            if (leaderLive) {
                found.putIfAbsent(family.leader().pid(), new Member(family.leader(), family));
            }
            // the leader's group and session are its own (setsid) only while it lives: a dead leader's id may be reused
            long group = leaderLive && family.leader().pid() != selfGroup ? family.leader().pid() : 0;
            if (group != 0 || family.spawnId() != null) {
                scanned.add(family);
                lineages.add(new ProcessTree.Lineage(family.spawnId(), group, family.bornNotBefore()));
            }
        }
        if (!lineages.isEmpty()) {
            List<List<ProcessSnapshot>> members = tree.members(lineages);
            for (int i = 0; i < scanned.size(); i++) {
                Family family = scanned.get(i);
                members.get(i).forEach(member -> found.putIfAbsent(member.pid(), new Member(member, family)));
            }
        }
        found.remove(selfPid);
        return found;
    }

    /**
     * Families being ended ({@link #signal}): every member found so far has had its SIGTERM; {@link #finish} waits
     * for them, re-enumerates and SIGKILLs what is left. {@code tracked} is null without a process listing.
     */
    static final class Ending {
        private final List<Family> families;
        private final Function<Family, String> reason;
        private final Map<Long, Member> tracked;
        private final Set<Long> leaders;

        private Ending(List<Family> families, Function<Family, String> reason, Map<Long, Member> tracked,
                       Set<Long> leaders) {
            this.families = families;
            this.reason = reason;
            this.tracked = tracked;
            this.leaders = leaders;
        }

        /** True when the scan found no member but the leaders already signalled: nothing else to wait for yet. */
        boolean onlyLeaders() {
            return tracked != null && leaders.containsAll(tracked.keySet());
        }
    }

    /**
     * Ends every family: SIGTERM to every member, up to {@code grace} for all of them to exit, then SIGKILL to what
     * is left (and anything forked since), awaited. The leaders get their SIGTERM first, before the one pass over
     * the process table that finds the rest of all the families. {@code beforeKill} hears, per family, the members
     * about to get SIGKILL; each signal is logged with {@code reason} of the member's family.
     *
     * @return the members that had to be SIGKILLed
     */
    List<ProcessSnapshot> terminate(List<Family> families, Duration grace, Function<Family, String> reason,
                                    BiConsumer<Family, List<ProcessSnapshot>> beforeKill) {
        return finish(signal(families, reason), grace, beforeKill);
    }

    /**
     * The first half of {@link #terminate}: SIGTERM to every leader, then one pass over the process table for the
     * rest of all the families, and SIGTERM to what it found. Without a process listing nothing is sent here.
     */
    Ending signal(List<Family> families, Function<Family, String> reason) {
        if (!tree.canEnumerate()) {
            return new Ending(families, reason, null, Set.of());
        }
        Map<Long, Member> tracked = new LinkedHashMap<>();
        // the leaders first, before the /proc scan for the rest of each family: a leader is our own child (pid +
        // start time checked by the signal seam), and most modules are nothing but their leader. All of them are
        // signalled before any is logged: a log line costs more than a signal, and each module's port closes
        // only once its leader got the signal
        List<Member> leaders = families.stream().filter(family -> family.leader() != null)
                .map(family -> new Member(family.leader(), family)).toList();
        List<Boolean> sent = leaders.stream().map(leader -> deliver(leader.process(), Signal.TERM,
                reason.apply(leader.family()))).toList();
        for (int i = 0; i < leaders.size(); i++) {
            Member leader = leaders.get(i);
            logSent(leader.process(), Signal.TERM, reason.apply(leader.family()), sent.get(i));
            if (sent.get(i)) {
                tracked.put(leader.process().pid(), leader);
            }
        }
        Set<Long> signalled = Set.copyOf(tracked.keySet());
        membersOf(families).forEach(tracked::putIfAbsent);
        tracked.values().stream().filter(member -> !signalled.contains(member.process().pid()))
                .forEach(member -> send(member.process(), Signal.TERM, reason.apply(member.family())));
        return new Ending(families, reason, tracked, signalled);
    }

    /** The second half of {@link #terminate}: the grace, then re-enumerate + SIGKILL rounds, awaited. */
    List<ProcessSnapshot> finish(Ending ending, Duration grace, BiConsumer<Family, List<ProcessSnapshot>> beforeKill) {
        if (ending.tracked == null) {
            return terminateGroups(ending.families, grace, ending.reason, beforeKill);
        }
        List<Family> families = ending.families;
        Map<Long, Member> tracked = ending.tracked;
        awaitGone(processes(tracked.values()), grace);
        List<ProcessSnapshot> killed = new ArrayList<>();
        for (int round = 0; round < KILL_ROUNDS; round++) {
            membersOf(families).forEach(tracked::putIfAbsent);
            List<Member> left = tracked.values().stream().filter(member -> tree.running(member.process())).toList();
            if (left.isEmpty()) {
                break;
            }
            if (round == 0) {
                Map<Family, List<ProcessSnapshot>> byFamily = new LinkedHashMap<>();
                left.forEach(member -> byFamily.computeIfAbsent(member.family(), f -> new ArrayList<>())
                        .add(member.process()));
                byFamily.forEach(beforeKill);
            }
            left.forEach(member -> send(member.process(), Signal.KILL, ending.reason.apply(member.family())
                    + ", still alive after SIGTERM"));
            killed.addAll(processes(left));
            awaitGone(processes(left), KILL_AWAIT);
        }
        return killed;
    }

    List<ProcessSnapshot> terminate(List<Family> families, Duration grace, String reason) {
        return terminate(families, grace, family -> reason, (family, left) -> { });
    }

    private static List<ProcessSnapshot> processes(Collection<Member> members) {
        return members.stream().map(Member::process).toList();
    }

    /** The one funnel for a signal to one process: refuses the hub itself, logs pid, signal and reason. */
    boolean send(ProcessSnapshot target, Signal signal, String reason) {
        boolean sent = deliver(target, signal, reason);
        logSent(target, signal, reason, sent);
        return sent;
    }

    /** The signal without its log line ({@link #logSent} owes it): refuses the hub itself and init (logged). */
    private boolean deliver(ProcessSnapshot target, Signal signal, String reason) {
        if (refused(target)) {
            LOG.warning(() -> "[supervisor] refusing SIG" + signal + " to pid " + target.pid()
                    + " (the hub itself or init): " + reason);
            return false;
        }
        return signals.signal(target, signal);
    }

    private void logSent(ProcessSnapshot target, Signal signal, String reason, boolean sent) {
        if (!refused(target)) {
            LOG.info(() -> "[supervisor] SIG" + signal + " to pid " + target.pid() + " (" + reason + ")"
                    + (sent ? "" : ": already gone"));
        }
    }

    private boolean refused(ProcessSnapshot target) {
        return target.pid() <= 1 || target.pid() == selfPid;
    }

    /** Without /proc: the group signals of the old days, while the leader is ours; stragglers escape (README). */
    private List<ProcessSnapshot> terminateGroups(List<Family> families, Duration grace,
                                                  Function<Family, String> reason,
                                                  BiConsumer<Family, List<ProcessSnapshot>> beforeKill) {
        List<Family> led = families.stream()
                .filter(family -> family.leader() != null && tree.running(family.leader())).toList();
        led.forEach(family -> sendGroup(family.leader(), Signal.TERM, reason.apply(family)));
        awaitGone(led.stream().map(Family::leader).toList(), grace);
        List<Family> left = led.stream().filter(family -> tree.running(family.leader())).toList();
        if (!left.isEmpty()) {
            left.forEach(family -> beforeKill.accept(family, List.of(family.leader())));
            left.forEach(family -> sendGroup(family.leader(), Signal.KILL, reason.apply(family)
                    + ", still alive after SIGTERM"));
            awaitGone(left.stream().map(Family::leader).toList(), KILL_AWAIT);
        }
        return left.stream().map(Family::leader).toList();
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
