package computer.parachute.hub.supervisor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A supervised module's run state (DESIGN §5) and the only arrows allowed between states (STYLE rule 5). */
public enum ModuleState {
    STARTING, RUNNING, STOPPED, CRASHED, RESTARTING;

    /** A start in one of these is idempotent: it answers the current state and spawns nothing. */
    public static final Set<ModuleState> LIVE = Collections.unmodifiableSet(EnumSet.of(STARTING, RUNNING));
    /** No process and nothing pending: the entry may be forgotten. */
    public static final Set<ModuleState> AT_REST = Collections.unmodifiableSet(EnumSet.of(STOPPED, CRASHED));

    private static final Map<ModuleState, Set<ModuleState>> NEXT = new EnumMap<>(ModuleState.class);

    /** Worked out once: every snapshot (each status call, for every module) asks for it. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    static {
        // STARTING: preflight/port check/spawn in progress; ends spawned or failed
        NEXT.put(STARTING, EnumSet.of(RUNNING, CRASHED));
        // RUNNING: the exit callback decides: requested stop, crash within budget, give up / foreign squatter
        NEXT.put(RUNNING, EnumSet.of(STOPPED, RESTARTING, CRASHED));
        // RESTARTING: the respawn fires or a start cancels it (STARTING); a stop cancels it (STOPPED)
        NEXT.put(RESTARTING, EnumSet.of(STARTING, STOPPED));
        NEXT.put(STOPPED, EnumSet.of(STARTING));
        // an operator stop acknowledges a crashed module
        NEXT.put(CRASHED, EnumSet.of(STARTING, STOPPED));
    }

    public boolean canMoveTo(ModuleState next) {
        return NEXT.get(this).contains(next);
    }

    /** Lower-case name as the API and CLI show it ("running"). */
    public String wireName() {
        return wireName;
    }
}
