package computer.parachute.hub.core.home;

import java.util.regex.Pattern;

/** Module short names: the CLI token and the {@code {short}} path segment of the API (DESIGN §6). */
public final class ModuleNames {
    /** Lower-case, starts alphanumeric, at most 64 chars; keeps names safe as path segments (no "..", no "/"). */
    private static final Pattern SHORT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final String HUB = "hub";

    private ModuleNames() {}

    public static boolean isValidShort(String candidate) {
        return candidate != null && SHORT.matcher(candidate).matches() && !candidate.contains("..");
    }
}
