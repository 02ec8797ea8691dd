package computer.parachute.hub.core.home;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The hub's config directory ({@code $PARACHUTE_HOME}, default {@code ~/.parachute}) and every path under it
 * (DESIGN §4). Resolved once by whoever wires the process and passed around, so tests can point it anywhere.
 */
public final class HubHome {
    public static final String ENV_VAR = "PARACHUTE_HOME";
    private static final String DEFAULT_DIR_NAME = ".parachute";

    private final Path root;

    public HubHome(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** {@code PARACHUTE_HOME} when set and non-empty, else {@code <userHome>/.parachute}. */
    public static HubHome resolve(Map<String, String> env, String userHome) {
        String configured = env.get(ENV_VAR);
        if (configured != null && !configured.isBlank()) {
            return new HubHome(Path.of(configured.trim()));
        }
        return new HubHome(Path.of(userHome, DEFAULT_DIR_NAME));
    }

    /** The usual resolution for a process: its environment and {@code user.home}. */
    public static HubHome fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    public Path root() { return root; }
    public Path servicesJson() { return root.resolve("services.json"); }
    public Path hubDb() { return root.resolve("hub.db"); }
    public Path operatorToken() { return root.resolve("operator.token"); }
    public Path hubInstanceFile() { return root.resolve("hub-instance.json"); }
    public Path hubDir() { return root.resolve("hub"); }
    public Path hubRunDir() { return hubDir().resolve("run"); }
    public Path hubPidFile() { return hubRunDir().resolve("hub.pid"); }
    public Path hubPortFile() { return hubRunDir().resolve("hub.port"); }
    public Path hubLogFile() { return hubDir().resolve("logs").resolve("hub.log"); }

    /** {@code <root>/<short>}; the short name must already be validated ({@link ModuleNames#isValidShort}). */
    public Path moduleDir(String shortName) {
        if (!ModuleNames.isValidShort(shortName)) {
            throw new IllegalArgumentException("invalid module name \"" + shortName + "\"");
        }
        return root.resolve(shortName);
    }
    public Path moduleEnvFile(String shortName) { return moduleDir(shortName).resolve(".env"); }
    public Path moduleLogFile(String shortName) { return moduleDir(shortName).resolve("logs").resolve(shortName + ".log"); }

    @Override
    public String toString() { return root.toString(); }
}
