package computer.parachute.hub.supervisor;

import java.io.IOException;

/** Seam: spawns a module's process in its own process group (DESIGN §5 Spawn). */
@FunctionalInterface
public interface ProcessLauncher {
    /** Starts {@code request}; throws when the OS refuses (the supervisor records {@code spawn_failed}). */
    ChildProcess launch(SpawnRequest request) throws IOException;
}
