package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Preflight, port check, spawn (DESIGN §5): called with the module's operation lock held and the state
 * {@code starting}; ends {@code running} with output pumps, a child record and an exit callback attached, or
 * {@code crashed} with a start error.
 */
final class ModuleSpawner {
    /** By then setsid and any launcher shim have exec'd the real program, so its command line is the final one. */
    private static final Duration RECORD_REFRESH_DELAY = Duration.ofSeconds(1);

    private final SupervisorSettings settings;
    private final SupervisorSeams seams;
    private final PortGuard portGuard;
    private final ChildRecords records;
    private final ExecutorService outputReaders;
    private final ExecutorService worker;
    private final ExitListener exitListener;

    ModuleSpawner(SupervisorSettings settings, SupervisorSeams seams, PortGuard portGuard, ChildRecords records,
                  ExecutorService outputReaders, ExecutorService worker, ExitListener exitListener) {
        this.settings = settings;
        this.seams = seams;
        this.portGuard = portGuard;
        this.records = records;
        this.outputReaders = outputReaders;
        this.worker = worker;
        this.exitListener = exitListener;
    }

    /** The spawned child, or null when the start failed (the entry is then {@code crashed} with a start error). */
    Spawned spawn(ModuleEntry entry, SpawnRequest request) {
        Instant now = seams.wallClock().instant();
        Optional<StartError> refusal = CommandPreflight.check(request, now);
        if (refusal.isEmpty()) {
            refusal = portGuard.clear(request, now);
        }
        if (refusal.isPresent()) {
            fail(entry, refusal.get());
            return null;
        }
        ChildProcess child;
        try {
            child = seams.launcher().launch(request);
        } catch (IOException | RuntimeException e) {
            fail(entry, StartError.of(StartErrorType.SPAWN_FAILED, entry.shortName + " could not be spawned ("
                    + String.join(" ", request.cmd()) + "): " + e.getMessage(), request.cmd().get(0), now));
            return null;
        }
        return attach(entry, request, child);
    }

    private Spawned attach(ModuleEntry entry, SpawnRequest request, ChildProcess child) {
        Spawned spawned;
        synchronized (entry.lock) {
            spawned = new Spawned(child, ++entry.generation);
            entry.child = child;
            entry.startedAt = seams.wallClock().instant();
            entry.exitSettled = new CompletableFuture<>();
            entry.transition(ModuleState.RUNNING, "pid " + child.pid());
        }
        CompletableFuture<Void> drained = CompletableFuture.allOf(
                pump(entry, child.stdout(), "stdout"), pump(entry, child.stderr(), "stderr"));
        records.insert(new ChildRecord(entry.shortName, child.pid(), child.startTime(),
                String.join(" ", request.cmd()), seams.wallClock().instant()));
        seams.scheduler().schedule(() -> worker.execute(() -> refreshRecord(entry.shortName, child)),
                RECORD_REFRESH_DELAY);
        child.onExit().whenCompleteAsync((code, error) ->
                exitListener.exited(entry, spawned, code == null ? -1 : code, drained), worker);
        return spawned;
    }

    private CompletableFuture<Void> pump(ModuleEntry entry, java.io.InputStream stream, String name) {
        OutputPump pump = new OutputPump(stream, entry.log::childLine, settings.maxLineBytes(),
                entry.shortName + " " + name);
        return CompletableFuture.runAsync(pump, outputReaders);
    }

    private void refreshRecord(String shortName, ChildProcess child) {
        if (child.onExit().isDone()) {
            return;
        }
        Optional<ProcessSnapshot> live = seams.processTable().find(child.pid());
        ProcessSnapshot spawned = new ProcessSnapshot(child.pid(), child.startTime(), "");
        if (live.isPresent() && spawned.sameIncarnation(live.get()) && !live.get().commandLine().isBlank()) {
            records.updateCommandLine(shortName, child.pid(), live.get().commandLine());
        }
    }

    private static void fail(ModuleEntry entry, StartError error) {
        synchronized (entry.lock) {
            entry.transition(ModuleState.CRASHED, error.type());
            entry.startError = error;
            entry.changed();
        }
        entry.log.supervisorLine(error.description());
    }
}
