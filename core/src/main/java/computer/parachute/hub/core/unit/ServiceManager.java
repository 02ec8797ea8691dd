package computer.parachute.hub.core.unit;

/**
 * The platform service manager that keeps the hub alive (DESIGN §2, unit arm). Every call goes
 * through the manager, never a PID signal: the manager would undo a kill. None of these throw.
 * Implementations: {@link SystemdManager}, {@link LaunchdManager}, {@link NoServiceManager}.
 */
public interface ServiceManager {

    /** Verbs for {@link #control}. */
    enum Action { START, STOP, RESTART }

    /** Manager kind and the scope-appropriate unit path. Does no I/O. */
    UnitLocation location();

    /** Writes the unit file atomically, registers it, and starts it when {@code start}. */
    InstallResult install(HubUnit unit, boolean start);

    /** Stops and unregisters the unit and deletes its file; a no-op when no file is present. */
    RemoveResult remove();

    /** Starts, stops or restarts the installed unit. */
    ControlResult control(Action action);

    /** The unit's current state. */
    UnitState state();

    /** Shorthand for {@code location().kind()}: "systemd", "launchd" or "none". */
    default String kind() {
        return location().kind();
    }

    /** Shorthand for {@code location().installed()}: the CLI's unit-arm discriminant. */
    default boolean unitInstalled() {
        return location().installed();
    }
}
