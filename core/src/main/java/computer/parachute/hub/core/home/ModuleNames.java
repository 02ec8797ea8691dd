package computer.parachute.hub.core.home;

import java.util.Optional;
import java.util.regex.Pattern;

/** Module short names: the CLI token and the {@code {short}} path segment of the API (DESIGN §6). */
public final class ModuleNames {
    /** Lower-case, starts alphanumeric, at most 64 chars; keeps names safe as path segments (no "..", no "/"). */
    private static final Pattern SHORT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final String HUB = "hub";

    private ModuleNames() {}

    /** The supervisor's own notes are prefixed {@code [supervisor] }; a module of that name could forge them. */
    public static final String SUPERVISOR = "supervisor";

    public static boolean isValidShort(String candidate) {
        return candidate != null && SHORT.matcher(candidate).matches() && !candidate.contains("..");
    }

    /**
     * Why {@code shortName} may not name a module, or empty when it may: {@code hub} and {@code supervisor} (their
     * log prefixes are the hub's own), and any name whose directory {@code <home>/<short>} would be one of the hub's
     * own files or their siblings ({@code hub.db-wal}, {@code services.json.tmp-…}).
     */
    public static Optional<String> reservedReason(String shortName) {
        if (shortName == null) {
            return Optional.empty();
        }
        boolean reserved = shortName.equals(HUB) || shortName.equals(SUPERVISOR);
        for (String entry : HubHome.ROOT_ENTRIES) {
            reserved |= shortName.equals(entry)
                    || (!entry.equals(HUB) && (shortName.startsWith(entry + ".") || shortName.startsWith(entry + "-")));
        }
        return reserved ? Optional.of("\"" + shortName + "\" is reserved for the hub's own files and log lines — give the module another name")
                : Optional.empty();
    }
}
