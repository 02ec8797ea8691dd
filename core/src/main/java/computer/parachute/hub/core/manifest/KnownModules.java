package computer.parachute.hub.core.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * First-party modules the hub can start without a module.json (reference §1.3 KNOWN_MODULES and the channel
 * fallback): short name, manifest name, canonical port and the imperative start command.
 */
public final class KnownModules {
    /** One first-party module. */
    public record Known(String shortName, String manifestName, int canonicalPort, List<String> startCmd) {}

    public static final int HUB_PORT = 1939;
    /** Where the canonical range (1939–1949) starts; registration picks free ports from here upward. */
    public static final int CANONICAL_RANGE_START = 1939;

    private static final Map<String, Known> BY_SHORT = Map.of(
            "vault", new Known("vault", "parachute-vault", 1940, List.of("parachute-vault", "serve")),
            "channel", new Known("channel", "parachute-channel", 1941, List.of("parachute-channel", "daemon")),
            "scribe", new Known("scribe", "parachute-scribe", 1943, List.of("parachute-scribe", "serve")),
            "runner", new Known("runner", "parachute-runner", 1945, List.of("parachute-runner", "serve")),
            "surface", new Known("surface", "parachute-surface", 1946, List.of("parachute-surface", "serve")));

    private KnownModules() {}

    public static Optional<Known> byShort(String shortName) {
        return Optional.ofNullable(BY_SHORT.get(shortName));
    }

    public static Optional<Known> byManifest(String manifestName) {
        return BY_SHORT.values().stream().filter(k -> k.manifestName().equals(manifestName)).findFirst();
    }
}
