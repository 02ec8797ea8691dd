package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process world without processes, for supervisor tests where timing is the subject: the launcher hands out fake
 * children (high fake pids), signals end them (TERM → 143, KILL → 137), the table and tree see exactly them. A test
 * ends a child with {@link #exit}. Implements the launcher, signals, tree and table seams.
 */
final class FakeProcesses implements ProcessLauncher, ProcessSignals, ProcessTree, ProcessTable {
    private static final long FIRST_PID = 4_000_000_000L;

    private final AtomicLong nextPid = new AtomicLong(FIRST_PID);
    private final Map<Long, Child> live = new ConcurrentHashMap<>();
    private final List<Child> spawned = new ArrayList<>();
    private final List<RecordingSignals.Sent> sent = new ArrayList<>();

    final class Child implements ChildProcess {
        private final long pid = nextPid.getAndIncrement();
        private final Instant started = Instant.ofEpochSecond(1_700_000_000L + pid - FIRST_PID);
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        @Override public long pid() { return pid; }
        @Override public Instant startTime() { return started; }
        @Override public InputStream stdout() { return new ByteArrayInputStream(new byte[0]); }
        @Override public CompletableFuture<Integer> onExit() { return exit; }

        void end(int code) {
            live.remove(pid);
            exit.complete(code);
        }
    }

    /** When set, the next launch throws it (the OS refusing a spawn, e.g. EAGAIN). */
    volatile IOException failNextLaunch;

    @Override
    public synchronized ChildProcess launch(SpawnRequest request) throws IOException {
        IOException failure = failNextLaunch;
        if (failure != null) {
            failNextLaunch = null;
            throw failure;
        }
        Child child = new Child();
        live.put(child.pid(), child);
        spawned.add(child);
        return child;
    }

    /** Ends the {@code n}-th spawned child (0-based) with {@code code}, as a crash would. */
    void exit(int n, int code) {
        Child child;
        synchronized (this) {
            child = spawned.get(n);
        }
        child.end(code);
    }

    synchronized int spawnCount() {
        return spawned.size();
    }

    synchronized List<RecordingSignals.Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public boolean signal(ProcessSnapshot target, Signal signal) {
        synchronized (this) {
            sent.add(new RecordingSignals.Sent(target.pid(), signal));
        }
        Child child = live.get(target.pid());
        if (child == null || !child.startTime().equals(target.startTime())) {
            return false;
        }
        child.end(signal == Signal.TERM ? 143 : 137);
        return true;
    }

    @Override public boolean signalGroup(long pgid, Signal signal) { throw new AssertionError("no group signals"); }
    @Override public boolean canEnumerate() { return true; }
    @Override public List<List<ProcessSnapshot>> members(List<Lineage> lineages) {
        return lineages.stream().map(lineage -> List.<ProcessSnapshot>of()).toList();
    }
    @Override public long birthOf(long pid) { return 0; }
    @Override public Optional<String> spawnIdOf(long pid) { return Optional.empty(); }
    @Override public long groupOf(long pid) { return -1; }

    @Override
    public boolean running(ProcessSnapshot process) {
        Child child = live.get(process.pid());
        return child != null && child.startTime().equals(process.startTime());
    }

    @Override
    public Optional<ProcessSnapshot> find(long pid) {
        return Optional.ofNullable(live.get(pid)).map(c -> new ProcessSnapshot(c.pid(), c.startTime(), "fake"));
    }
}
