package computer.parachute.hub.cli.hub;

/**
 * The unit arm's view of the platform service manager. This is the CLI's seam over core's
 * {@code core.unit.ServiceManager} + {@code HubUnitControl} (branch {@code unit}); an adapter maps
 * {@code EnsureResult}/{@code ControlResult}/{@code UnitState} onto these types. Implementations never send a PID
 * signal: the manager would undo it (reference §5.5).
 */
public interface HubUnitManager {
    enum Action { STOP, RESTART }

    /** "systemd", "launchd" or "none". */
    String kind();

    /** The unit file exists: the per-verb arm discriminant (reference §6.2). */
    boolean unitInstalled();

    /** Reference §5.4: already up, or start the unit and wait for the port (≤ 15 s). */
    UnitReply ensureUp(int port) throws InterruptedException;

    UnitReply control(Action action);

    /** Restart, then wait until the hub answers on {@code port} (like {@link #ensureUp}). */
    default UnitReply restart(int port) throws InterruptedException {
        return control(Action.RESTART);
    }

    /** active, activating, failed, inactive, unknown, no-manager or no-unit, with the manager's detail. */
    UnitStateView state();
}
