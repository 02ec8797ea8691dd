package computer.parachute.hub.supervisor;

import java.util.concurrent.CompletableFuture;

/** Told when a spawned child has exited (after its output was drained or the drain wait ran out). */
@FunctionalInterface
interface ExitListener {
    void exited(ModuleEntry entry, Spawned spawned, int exitCode, CompletableFuture<Void> drained);
}
