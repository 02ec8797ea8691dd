package computer.parachute.hub.supervisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Everything needed to spawn one module: {@code cmd} is argv, {@code cwd} may be null (inherit), {@code env} is
 * overlaid on the hub's environment at spawn time. Built only by {@link SpawnRequests}.
 */
public record SpawnRequest(String shortName, List<String> cmd, Path cwd, Map<String, String> env) {
    public SpawnRequest {
        Objects.requireNonNull(shortName, "shortName");
        cmd = List.copyOf(cmd);
        if (cmd.isEmpty() || cmd.get(0).isBlank()) {
            throw new IllegalArgumentException("empty start command for module " + shortName);
        }
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
    }

    /**
     * What the launcher runs: argv[0] replaced by the executable preflight resolved on the child's PATH (so the OS
     * never resolves it again on the hub's own PATH), and the spawn identity added to the environment.
     */
    SpawnRequest forSpawn(Path executable, String spawnId) {
        List<String> argv = new ArrayList<>(cmd);
        argv.set(0, executable.toString());
        Map<String, String> spawnEnv = new LinkedHashMap<>(env);
        spawnEnv.put(SpawnIdentity.VARIABLE, spawnId);
        return new SpawnRequest(shortName, argv, cwd, spawnEnv);
    }

    /** The module's port ({@code PORT} in the env) when it is a valid TCP port; empty means no readiness gate. */
    public OptionalInt port() {
        try {
            int port = Integer.parseInt(env.getOrDefault(SpawnRequests.PORT, "").trim());
            return port > 0 && port <= 65_535 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
