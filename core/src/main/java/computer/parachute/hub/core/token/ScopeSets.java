package computer.parachute.hub.core.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named scope sets an operator token can carry ({@code --scope-set}, reference §4.2). {@code admin} is the
 * default and the only set that satisfies the module-ops API; HEAD dropped {@code channel:send} from it and so
 * do we.
 */
public final class ScopeSets {
    public static final String HUB_ADMIN = "hub:admin";
    public static final String HOST_ADMIN = "parachute:host:admin";
    public static final String HOST_INSTALL = "parachute:host:install";
    public static final String HOST_START = "parachute:host:start";
    public static final String HOST_EXPOSE = "parachute:host:expose";
    public static final String HOST_AUTH = "parachute:host:auth";
    public static final String HOST_VAULT = "parachute:host:vault";
    public static final String VAULT_READ = "vault:read";
    public static final String VAULT_ADMIN = "vault:admin";
    public static final String SCRIBE_ADMIN = "scribe:admin";

    public static final String INSTALL = "install";
    public static final String START = "start";
    public static final String EXPOSE = "expose";
    public static final String AUTH = "auth";
    public static final String VAULT = "vault";
    public static final String ADMIN = "admin";
    public static final String DEFAULT = ADMIN;

    private static final Map<String, List<String>> SETS = sets();

    private ScopeSets() {}

    private static Map<String, List<String>> sets() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put(INSTALL, List.of(HOST_INSTALL, VAULT_READ));
        sets.put(START, List.of(HOST_START));
        sets.put(EXPOSE, List.of(HOST_EXPOSE));
        sets.put(AUTH, List.of(HOST_AUTH));
        sets.put(VAULT, List.of(HOST_VAULT));
        sets.put(ADMIN, List.of(HUB_ADMIN, HOST_ADMIN, HOST_INSTALL, HOST_START, HOST_EXPOSE, HOST_AUTH,
                HOST_VAULT, VAULT_ADMIN, SCRIBE_ADMIN));
        return Map.copyOf(sets);
    }

    /** The scopes of {@code name}, in the reference's order; empty for an unknown (or null) name. */
    public static Optional<List<String>> scopes(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(SETS.get(name));
    }

    public static boolean isKnown(String name) {
        return scopes(name).isPresent();
    }

    /** The set names in the reference's order (install, start, expose, auth, vault, admin). */
    public static List<String> names() {
        return List.of(INSTALL, START, EXPOSE, AUTH, VAULT, ADMIN);
    }

    /** {@code scopes(name)} or an exception naming the valid choices (for {@code --scope-set} input). */
    public static List<String> require(String name) {
        return scopes(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown scope set \"" + name + "\"; use one of " + String.join(", ", names())));
    }

    /**
     * The longest {@code exp - iat} a token of {@code name} may have: every set is an operator set today, so 90 days
     * ({@link OperatorTokens#TTL}); also for an unknown or missing set, which only an operator token can carry here.
     */
    public static Duration maxLifetime(String name) {
        return OperatorTokens.TTL;
    }

    /** For callers that want set semantics (scope checks). */
    public static Set<String> scopeSet(String name) {
        return Set.copyOf(require(name));
    }
}
