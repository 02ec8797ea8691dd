package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ToolPath;
import computer.parachute.hub.core.fs.BoundedFiles;
import computer.parachute.hub.core.fs.StampedCache;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.EnvFile;
import computer.parachute.hub.core.manifest.RowRefusals;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.StartCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * THE one place a {@link SpawnRequest} is built, for boot, API start and restart (reference §9.2 #532: a restart
 * must rebuild, never replay): {@link #forModule} takes the module's current {@code .env} every time (read again
 * whenever its modification time, size or inode changed; see {@link StampedCache}), so a restart
 * picks up a changed {@code .env} or origin. Env layering, later wins (DESIGN §5): {@code PORT} from services.json,
 * then the {@code .env} pairs (a {@code .env} PORT never wins, #537), then {@code PARACHUTE_HUB_ORIGIN}, then extra
 * env (PORT still excepted); finally {@code PATH} is the base PATH enriched with common tool dirs (#546). The spawner
 * adds the spawn identity last ({@link SpawnRequest#forSpawn}).
 */
public final class SpawnRequests {
    public static final String PORT = "PORT";
    public static final String HUB_ORIGIN = "PARACHUTE_HUB_ORIGIN";
    public static final String PATH = "PATH";

    private final ToolPath toolPath;
    private final HubHome home;
    private final Supplier<String> hubOrigin;
    private final IntSupplier hubPort;
    /** Each module's .env pairs as last read, until the file changes (every start and restart reads them). */
    private final StampedCache<Map<String, String>> envFiles = new StampedCache<>();

    /**
     * @param toolPath  knows the hub's own PATH and which tool dirs exist on this machine
     * @param home      where each module's {@code .env} lives
     * @param hubOrigin the origin for the next spawn's {@code PARACHUTE_HUB_ORIGIN}, or null while the hub does not
     *                  know it yet (a servlet container before its first request)
     * @param hubPort   the port the hub is served on, which no module row may take; 0 while unknown
     */
    public SpawnRequests(ToolPath toolPath, HubHome home, Supplier<String> hubOrigin, IntSupplier hubPort) {
        this.toolPath = Objects.requireNonNull(toolPath, "toolPath");
        this.home = home;
        this.hubOrigin = hubOrigin;
        this.hubPort = hubPort;
    }

    /** Why this row must not run (reserved name, the hub's own port), or empty. */
    public Optional<String> refusal(String shortName, ServiceEntry entry) {
        return RowRefusals.refusal(entry, shortName, hubPort.getAsInt());
    }

    /** The request for a services.json row and its resolved start command, with the module's current .env. */
    public SpawnRequest forModule(String shortName, ServiceEntry entry, StartCommand.Resolved command) {
        Map<String, String> envFile;
        Path file = home.moduleEnvFile(shortName);
        try {
            envFile = envFiles.get(file, stamp -> Collections.unmodifiableMap(EnvFile.load(file).pairs()));
        } catch (IOException e) {
            String why = e instanceof BoundedFiles.UnreadableFileException ? e.getMessage()
                    : "cannot read " + home.moduleEnvFile(shortName) + ": " + e.getMessage();
            throw new UncheckedIOException(why, e);
        }
        return build(shortName, command.argv(), entry.port(), command.cwd(), envFile, hubOrigin.get(), Map.of());
    }

    /**
     * @param port         the services.json port (authoritative)
     * @param installDir   the module's install dir (the child's cwd), or null
     * @param envFilePairs the {@code <short>/.env} pairs, in file order (may be empty)
     * @param hubOrigin    the hub's origin for {@code PARACHUTE_HUB_ORIGIN}, or null
     * @param extraEnv     extra pairs (wizard pass-through, tests), may be empty
     */
    SpawnRequest build(String shortName, List<String> cmd, int port, Path installDir,
                              Map<String, String> envFilePairs, String hubOrigin, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(PORT, String.valueOf(port));
        putAllExceptPort(env, envFilePairs);
        if (hubOrigin != null && !hubOrigin.isBlank()) {
            env.put(HUB_ORIGIN, hubOrigin);
        }
        putAllExceptPort(env, extraEnv);
        env.put(PATH, toolPath.enrich(env.get(PATH)));
        return new SpawnRequest(shortName, cmd, installDir, env);
    }

    private static void putAllExceptPort(Map<String, String> env, Map<String, String> pairs) {
        if (pairs != null) {
            pairs.forEach((key, value) -> {
                if (!PORT.equals(key)) {
                    env.put(key, value);
                }
            });
        }
    }
}
