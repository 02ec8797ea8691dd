package computer.parachute.hub.core.unit;

import java.util.List;

/**
 * Best-effort recent output of the hub unit, shown when it started but never became ready.
 * Kept apart from {@link ServiceManager} so that interface stays at five methods; the managers
 * implement both.
 */
@FunctionalInterface
public interface UnitLog {

    /** A title line followed by the manager's output, or an empty list when nothing is available. Never throws. */
    List<String> recent(int lines);
}
