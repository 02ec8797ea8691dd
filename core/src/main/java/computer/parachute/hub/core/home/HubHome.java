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
    static final String SERVICES_JSON = "services.json";
    static final String HUB_DB = "hub.db";
    static final String OPERATOR_TOKEN = "operator.token";
    static final String HUB_INSTANCE = "hub-instance.json";
    static final String HUB_DIR = "hub";
    /** The hub's own entries at the root of the home: no module directory may take one of these names. */
    static final java.util.List<String> ROOT_ENTRIES = java.util.List.of(SERVICES_JSON, HUB_DB, OPERATOR_TOKEN, HUB_INSTANCE, HUB_DIR);

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
    public Path servicesJson() { return root.resolve(SERVICES_JSON); }
    public Path hubDb() { return root.resolve(HUB_DB); }
    /** hub.db and the files SQLite keeps beside it (WAL, shared memory, rollback journal). */
    public java.util.List<Path> hubDbFiles() {
        return java.util.List.of(hubDb(), root.resolve(HUB_DB + "-wal"), root.resolve(HUB_DB + "-shm"), root.resolve(HUB_DB + "-journal"));
    }
    public Path operatorToken() { return root.resolve(OPERATOR_TOKEN); }
    public Path hubInstanceFile() { return root.resolve(HUB_INSTANCE); }
    public Path hubDir() { return root.resolve(HUB_DIR); }
    public Path hubRunDir() { return hubDir().resolve("run"); }
    public Path hubPidFile() { return hubRunDir().resolve("hub.pid"); }
    public Path hubPortFile() { return hubRunDir().resolve("hub.port"); }
    public Path hubLogFile() { return hubDir().resolve("logs").resolve("hub.log"); }

    /**
     * {@code <root>/<short>}; the short name must already be validated ({@link ModuleNames#isValidShort}) and not
     * reserved ({@link ModuleNames#reservedReason}): a module's files can never land on the hub's own.
     */
    public Path moduleDir(String shortName) {
        if (!ModuleNames.isValidShort(shortName)) {
            throw new IllegalArgumentException("invalid module name \"" + shortName + "\"");
        }
        ModuleNames.reservedReason(shortName).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return root.resolve(shortName);
    }
    public Path moduleEnvFile(String shortName) { return moduleDir(shortName).resolve(".env"); }
    public Path moduleLogFile(String shortName) { return moduleDir(shortName).resolve("logs").resolve(shortName + ".log"); }

    @Override
    public String toString() { return root.toString(); }
}
