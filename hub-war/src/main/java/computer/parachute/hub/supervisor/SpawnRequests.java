package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ToolPath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * THE one place a {@link SpawnRequest} is built, for boot, API start and restart (reference §9.2 #532: a restart
 * must rebuild, never replay). Env layering, later wins (DESIGN §5): {@code PORT} from services.json, then the
 * module's {@code .env} pairs (a {@code .env} PORT never wins, #537), then {@code PARACHUTE_HUB_ORIGIN}, then
 * extra env (PORT still excepted); finally {@code PATH} is the base PATH enriched with common tool dirs (#546).
 * Takes plain values so callers map core's {@code ServiceEntry}/{@code EnvFile} at the call site.
 */
public final class SpawnRequests {
    public static final String PORT = "PORT";
    public static final String HUB_ORIGIN = "PARACHUTE_HUB_ORIGIN";
    public static final String PATH = "PATH";

    private final ToolPath toolPath;

    /** {@code toolPath} knows the hub's own PATH and which tool dirs exist on this machine. */
    public SpawnRequests(ToolPath toolPath) {
        this.toolPath = Objects.requireNonNull(toolPath, "toolPath");
    }

    /**
     * @param port         the services.json port (authoritative)
     * @param installDir   the module's install dir (the child's cwd), or null
     * @param envFilePairs the {@code <short>/.env} pairs, in file order (may be empty)
     * @param hubOrigin    the hub's origin for {@code PARACHUTE_HUB_ORIGIN}, or null
     * @param extraEnv     extra pairs (wizard pass-through, tests), may be empty
     */
    public SpawnRequest build(String shortName, List<String> cmd, int port, Path installDir,
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
