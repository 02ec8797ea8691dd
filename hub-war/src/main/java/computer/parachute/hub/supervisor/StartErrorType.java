package computer.parachute.hub.supervisor;

import java.util.Locale;

/** Why a module could not start, or started badly (DESIGN §5 {@code startError}). */
public enum StartErrorType {
    MISSING_DEPENDENCY, NON_EXECUTABLE, STARTED_BUT_UNBOUND, PORT_SQUATTER, SPAWN_FAILED;

    /** The wire code, e.g. {@code missing_dependency}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
