package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.home.HubHome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Owns the module child processes (DESIGN §5). Every operation on one module (start, stop, restart, respawn) runs
 * under that module's operation lock, so two of them never both spawn; waits (exit, readiness) happen without the
 * state lock, and the readiness wait happens after the operation lock is released. Lifecycle: construct, use,
 * {@link #shutdown()} (stops every module concurrently, then the supervisor's own threads).
 */
public final class Supervisor {
    private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());
    private static final long EXECUTOR_STOP_SECONDS = 5;

    private final SupervisorSettings settings;
    private final SupervisorSeams seams;
    private final HubHome home;
    private final Map<String, ModuleEntry> entries = new LinkedHashMap<>();
    private final ExecutorService worker = NamedThreads.cachedPool("supervisor-worker");
    private final ExecutorService outputReaders = NamedThreads.cachedPool("supervisor-output");
    private final ModuleSpawner spawner;
    private final ModuleStopper stopper;
    private final OrphanReaper reaper;
    private final ModuleEvents events = new ModuleEvents();
    /** Set once, first thing in {@link #shutdown()}; read under the entries lock or a module's operation lock. */
    private final AtomicBoolean closing = new AtomicBoolean();

    public Supervisor(SupervisorSettings settings, SupervisorSeams seams, ChildRecords records, HubHome home) {
        this.settings = settings;
        this.seams = seams;
        this.home = home;
        ProcessFamilies families = new ProcessFamilies(seams.tree(), seams.signals(), seams.scheduler());
        PortGuard portGuard = new PortGuard(seams.probe(), seams.owners(), seams.processTable(), seams.tree(),
                families, records, settings.orphanGrace());
        ExitHandler exits = new ExitHandler(settings, seams, portGuard, families, records, worker, this::respawn);
        ReadinessGate gate = new ReadinessGate(seams.probe(), seams.scheduler(), seams.clock(), settings);
        this.spawner = new ModuleSpawner(settings, seams, portGuard, records, outputReaders, worker, exits, gate);
        this.stopper = new ModuleStopper(settings, families, records);
        this.reaper = new OrphanReaper(records, families, settings.orphanGrace());
    }

    /**
     * Starts the module (idempotent when starting/running) and returns its state once the readiness gate is done.
     *
     * @throws IllegalStateException once {@link #shutdown()} has begun
     */
    public ModuleSnapshot start(SpawnRequest request) {
        ModuleEntry entry = entryFor(request.shortName());
        StartupWatch watch;
        entry.operation.lock();
        try {
            watch = startLocked(entry, request);
        } finally {
            entry.operation.unlock();
        }
        if (watch != null) {
            watch.await(request);
        }
        return entry.snapshot();
    }

    /** Stops the module and waits for its exit; empty when the module is not supervised. */
    public Optional<ModuleSnapshot> stop(String shortName) {
        ModuleEntry entry = find(shortName);
        if (entry == null) {
            return Optional.empty();
        }
        entry.operation.lock();
        try {
            stopper.stop(entry);
        } finally {
            entry.operation.unlock();
        }
        return Optional.of(entry.snapshot());
    }

    /** Stop, then start with {@code rebuilt} (a freshly built request, reference #532); empty when not supervised. */
    public Optional<ModuleSnapshot> restart(String shortName, SpawnRequest rebuilt) {
        if (!shortName.equals(rebuilt.shortName())) {
            throw new IllegalArgumentException("restart of " + shortName + " with a request for "
                    + rebuilt.shortName());
        }
        ModuleEntry entry = find(shortName);
        if (entry == null) {
            requireOpen();
            return Optional.empty();
        }
        StartupWatch watch;
        entry.operation.lock();
        try {
            requireOpen();
            Runnable lastLook = stopper.stopForRestart(entry);
            try {
                watch = startLocked(entry, rebuilt);
            } finally {
                // the old spawn's last look runs beside the new child's start-up, before its port is first probed
                lastLook(entry, lastLook);
            }
        } finally {
            entry.operation.unlock();
        }
        if (watch != null) {
            watch.await(rebuilt);
        }
        return Optional.of(entry.snapshot());
    }

    /** Every later change of any module's state, pid or start error (see {@link ModuleEvents}). */
    public ModuleEvents events() {
        return events;
    }

    /** Every supervised module, in the order they were first started. */
    public List<ModuleSnapshot> list() {
        // a loop, not a stream: every status call runs this, mostly interpreted in a young hub (issue 10)
        List<ModuleEntry> all = entriesCopy();
        List<ModuleSnapshot> snapshots = new ArrayList<>(all.size());
        for (ModuleEntry entry : all) {
            snapshots.add(entry.snapshot());
        }
        return snapshots;
    }

    public Optional<ModuleSnapshot> get(String shortName) {
        return Optional.ofNullable(find(shortName)).map(ModuleEntry::snapshot);
    }

    /**
     * The port the current child was seen accepting connections on; empty unless it is {@link ModuleSnapshot#ready()}.
     * This is the port it was spawned with, which services.json may have changed since (the proxy's "never route to a
     * port the hub has not seen the module bind").
     */
    public OptionalInt readyPort(String shortName) {
        ModuleEntry entry = find(shortName);
        return entry == null ? OptionalInt.empty() : entry.readyPort();
    }

    /** The buffered lines, oldest first; empty Optional when not supervised (an empty list is "supervised, quiet"). */
    public Optional<List<String>> logs(String shortName) {
        return Optional.ofNullable(find(shortName)).map(entry -> entry.log.lines());
    }

    /** Bytes written to the module's log file since the hub started; empty when not supervised. */
    public OptionalLong logBytesWritten(String shortName) {
        ModuleEntry entry = find(shortName);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.log.fileBytesWritten());
    }

    /**
     * The buffered lines, then every later line to {@code follower} (on a reader thread: hand off, never block)
     * until the subscription is closed; no line is lost or repeated between the two (see {@link LogTail}).
     */
    public Optional<LogTail> follow(String shortName, Consumer<String> follower) {
        return Optional.ofNullable(find(shortName)).map(entry -> entry.log.follow(follower));
    }

    /** Drops a module that is stopped or crashed (no longer in services.json); false when live or unknown. */
    public boolean forget(String shortName) {
        ModuleEntry entry = find(shortName);
        if (entry == null) {
            return false;
        }
        entry.operation.lock();
        try {
            if (!ModuleState.AT_REST.contains(entry.state())) {
                return false;
            }
            synchronized (entries) {
                entries.remove(shortName);
            }
            entry.log.close();
            return true;
        } finally {
            entry.operation.unlock();
        }
    }

    /**
     * Stops every module concurrently, each within its own grace; returns when all are down. The modules no other
     * operation holds are stopped as one batch (every leader's SIGTERM first, one process table scan per phase for
     * all); one busy with a start, restart or respawn is stopped on its own as soon as that is done.
     */
    public void stopAll() {
        List<ModuleEntry> all = entriesCopy();
        List<ModuleEntry> idle = new ArrayList<>();
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ModuleEntry entry : all) {
            if (entry.operation.tryLock()) {
                idle.add(entry);
            } else {
                stops.add(CompletableFuture.runAsync(() -> stop(entry.shortName), worker));
            }
        }
        try {
            stopper.stop(idle);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping modules failed", e);
        } finally {
            idle.forEach(entry -> entry.operation.unlock());
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(stopper.bound().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warning(() -> "stopping all modules did not finish cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Boot step, before any spawn: ends children a previous hub left running (see {@link OrphanReaper}). */
    public List<ChildRecord> reapOrphans() {
        Set<Long> own = list().stream().map(ModuleSnapshot::pid).filter(pid -> pid != null)
                .collect(Collectors.toSet());
        return reaper.reap(own);
    }

    /** Idempotent: stops every module, then the supervisor's threads. Starts are refused from the first call on. */
    public void shutdown() {
        synchronized (entries) {
            // under the entries lock: a start either created its entry before this (and stopAll's snapshot holds
            // it) or sees closing and is refused; one that holds the entry re-checks under the operation lock
            if (!closing.compareAndSet(false, true)) {
                return;
            }
        }
        try {
            stopAll();
        } finally {
            NamedThreads.shutdown(worker, EXECUTOR_STOP_SECONDS);
            NamedThreads.shutdown(outputReaders, EXECUTOR_STOP_SECONDS);
            entriesCopy().forEach(entry -> entry.log.close());
            LOG.info(() -> "supervisor stopped: " + list().stream()
                    .map(s -> s.shortName() + "=" + s.state()).collect(Collectors.joining(", ")));
        }
    }

    /** Caller holds the operation lock; after shutdown began nothing spawns (stopAll may already be past us). */
    private StartupWatch startLocked(ModuleEntry entry, SpawnRequest request) {
        requireOpen();
        synchronized (entry.lock) {
            if (!entry.beginStart(request, settings.freshBudget())) {
                return null;
            }
        }
        return spawner.spawn(entry, request);
    }

    private static void lastLook(ModuleEntry entry, Runnable lastLook) {
        try {
            lastLook.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "[supervisor] " + entry.shortName + ": the last look for what the stopped spawn"
                    + " left behind failed", e);
        }
    }

    /** The pending crash respawn fires (on the worker); a start or stop since then invalidated {@code token}. */
    private void respawn(ModuleEntry entry, long token) {
        SpawnRequest request = null;
        StartupWatch watch = null;
        entry.operation.lock();
        try {
            if (closing.get()) {
                return;
            }
            synchronized (entry.lock) {
                request = entry.beginRespawn(token);
            }
            if (request != null) {
                watch = spawner.spawn(entry, request);
            }
        } finally {
            entry.operation.unlock();
        }
        if (watch != null) {
            watch.await(request); // on this worker thread, outside the lock: sets ready or started_but_unbound
        }
    }

    private ModuleEntry entryFor(String shortName) {
        synchronized (entries) {
            requireOpen();
            return entries.computeIfAbsent(shortName, name -> new ModuleEntry(name, newLog(name),
                    settings.freshBudget(), events));
        }
    }

    private ModuleLog newLog(String shortName) {
        return new ModuleLog(shortName, seams.output(), new LogRingBuffer(settings.ringBufferBytes()),
                new RotatingLogFile(home.moduleLogFile(shortName), settings.logFileMaxBytes(),
                        settings.logFileCount()));
    }

    private ModuleEntry find(String shortName) {
        synchronized (entries) {
            return entries.get(shortName);
        }
    }

    private List<ModuleEntry> entriesCopy() {
        synchronized (entries) {
            return new ArrayList<>(entries.values());
        }
    }

    private void requireOpen() {
        if (closing.get()) {
            throw new IllegalStateException("the supervisor is shutting down");
        }
    }
}
