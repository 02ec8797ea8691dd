package computer.parachute.hub.core.unit;

import java.util.List;
import java.util.Optional;

/**
 * No systemd or launchd: a container (the runtime is the manager) or an unsupported platform.
 * Nothing is written and nothing is run; every answer says so.
 */
public final class NoServiceManager implements ServiceManager, UnitLog {

    private final String reason;

    /** A host with no service manager on PATH. */
    public NoServiceManager() {
        this(UnitMessages.NO_MANAGER);
    }

    /** @param reason the operator-facing explanation, e.g. the unsupported-platform text */
    public NoServiceManager(String reason) {
        this.reason = reason;
    }

    @Override
    public UnitLocation location() {
        return new UnitLocation(UnitLocation.NONE, Optional.empty());
    }

    @Override
    public InstallResult install(HubUnit unit, boolean start) {
        return InstallResult.fallback(UnitLocation.NONE, reason);
    }

    @Override
    public RemoveResult remove() {
        return new RemoveResult(false, List.of());
    }

    @Override
    public ControlResult control(Action action) {
        return new ControlResult(ControlResult.Status.NO_MANAGER, "", List.of(reason));
    }

    @Override
    public UnitState state() {
        return new UnitState(UnitState.Status.NO_MANAGER, reason);
    }

    @Override
    public List<String> recent(int lines) {
        return List.of();
    }
}
