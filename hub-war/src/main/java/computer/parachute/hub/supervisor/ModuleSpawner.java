package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Preflight, port check, spawn (DESIGN §5): called with the module's operation lock held and the state
 * {@code starting}; ends {@code running} with an output pump, a child record (with its spawn id) and an exit callback
 * attached, or {@code crashed} with a start error. Every failure, expected or not, ends in a state.
 */
final class ModuleSpawner {
    private static final Logger LOG = Logger.getLogger(ModuleSpawner.class.getName());

    private final SupervisorSettings settings;
    private final SupervisorSeams seams;
    private final PortGuard portGuard;
    private final ChildRecords records;
    private final ExecutorService outputReaders;
    private final ExecutorService worker;
    private final ExitHandler exits;
    private final ReadinessGate gate;

    ModuleSpawner(SupervisorSettings settings, SupervisorSeams seams, PortGuard portGuard, ChildRecords records,
                  ExecutorService outputReaders, ExecutorService worker, ExitHandler exits, ReadinessGate gate) {
        this.settings = settings;
        this.seams = seams;
        this.portGuard = portGuard;
        this.records = records;
        this.outputReaders = outputReaders;
        this.worker = worker;
        this.exits = exits;
        this.gate = gate;
    }

    /**
     * Spawns {@code request}: the readiness watch of the new child (run it after releasing the operation lock), or
     * null when the start failed (the entry is then {@code crashed} with a start error).
     */
    StartupWatch spawn(ModuleEntry entry, SpawnRequest request) {
        Instant now = seams.wallClock().instant();
        ChildProcess child = null;
        try {
            CommandPreflight.Outcome preflight = CommandPreflight.check(request, now);
            Optional<StartError> refusal = Optional.ofNullable(preflight.error())
                    .or(() -> portGuard.clear(request, now));
            if (refusal.isPresent()) {
                fail(entry, refusal.get());
                return null;
            }
            String spawnId = SpawnIdentity.fresh();
            child = seams.launcher().launch(request.forSpawn(preflight.executable(), spawnId));
            return attach(entry, request, child, spawnId);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException) {
                LOG.warning(() -> "[supervisor] " + entry.shortName + ": spawn failed: " + e.getMessage());
            } else {
                LOG.log(Level.WARNING, "[supervisor] " + entry.shortName + ": start failed unexpectedly", e);
            }
            if (child != null && isAttached(entry, child)) {
                return null; // running, and its exit callback is registered: the exit will be interpreted
            }
            if (child != null) {
                // spawned but never attached: nothing would ever stop it. Our own child, so its pid is still ours.
                long pid = child.pid();
                LOG.warning(() -> "[supervisor] SIGKILL to pid " + pid + " (" + entry.shortName
                        + ": spawned but could not be attached)");
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            fail(entry, StartError.of(StartErrorType.SPAWN_FAILED, entry.shortName + " could not be spawned ("
                    + printable(request.cmd()) + "): " + printable(List.of(String.valueOf(e.getMessage()))),
                    printable(request.cmd().subList(0, 1)), now));
            return null;
        }
    }

    private StartupWatch attach(ModuleEntry entry, SpawnRequest request, ChildProcess child, String spawnId) {
        ProcessFamilies.Family family = new ProcessFamilies.Family(entry.shortName,
                new ProcessSnapshot(child.pid(), child.startTime(), ""), spawnId, birthOf(child));
        long generation;
        CompletableFuture<Void> settled;
        synchronized (entry.lock) {
            generation = entry.attach(child, family, seams.wallClock().instant());
            settled = entry.exitSettled();
        }
        CompletableFuture<Void> drained = CompletableFuture.completedFuture(null);
        try {
            drained = pump(entry, child.stdout(), "output");
            synchronized (entry.lock) {
                entry.outputPumped(generation, drained);
            }
            records.insert(new ChildRecord(entry.shortName, child.pid(), child.startTime(),
                    String.join(" ", request.cmd()), seams.wallClock().instant(), spawnId));
        } finally {
            CompletableFuture<Void> output = drained;
            // registered whatever happened above: the exit is always interpreted, so a dead pid never stays running
            child.onExit().whenCompleteAsync((code, error) -> exits.exited(entry, child, generation, family,
                    code == null ? -1 : code, output), worker);
        }
        return new StartupWatch(entry, child, generation, settled, gate, seams.wallClock(),
                settings.readinessTimeout());
    }

    /**
     * The child's birth, the lower bound of its family's births (no environ of an older process is read when it
     * stops). 0 (no bound) once it has exited: its pid may then be another process's.
     */
    private long birthOf(ChildProcess child) {
        long birth = seams.tree().birthOf(child.pid());
        return child.onExit().isDone() ? 0 : birth;
    }

    private CompletableFuture<Void> pump(ModuleEntry entry, InputStream stream, String name) {
        OutputPump pump = new OutputPump(stream, entry.log::childLine, settings.maxLineBytes(),
                entry.shortName + " " + name);
        return CompletableFuture.runAsync(pump, outputReaders);
    }

    private static boolean isAttached(ModuleEntry entry, ChildProcess child) {
        synchronized (entry.lock) {
            return entry.child() == child;
        }
    }

    /** A NUL or control byte in a command would corrupt the log line and the JSON reader's terminal. */
    private static String printable(List<String> parts) {
        return String.join(" ", parts).replaceAll("\\p{Cntrl}", "?");
    }

    private static void fail(ModuleEntry entry, StartError error) {
        synchronized (entry.lock) {
            entry.markCrashed(error);
        }
        entry.log.supervisorLine(error.description());
    }
}
